use super::obfuscation::{self, ClientHeader, HEADER_LEN};
use super::{Decoder, Encoder, Error, Kind, Record};

const KINDS: [Kind; 4] = [Kind::Abridged, Kind::Intermediate, Kind::Padded, Kind::Full];

/// Encrypted-envelope-shaped payloads (non-zero auth_key_id, 24 + 16k bytes) survive every
/// transport, including the padded one's unpadding.
fn payload(n: usize, seed: u8) -> Vec<u8> {
    (0..24 + 16 * n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed) | 1)
        .collect()
}

fn decode_all(decoder: &mut Decoder, stream: &[u8], step: usize) -> Result<Vec<Vec<u8>>, Error> {
    let mut frames = Vec::new();
    for chunk in stream.chunks(step) {
        decoder.push_slice(chunk)?;
        for r in decoder.records() {
            assert_eq!(r.kind, Record::PAYLOAD);
            frames.push(decoder.buffer()[r.value as usize..(r.value + r.len) as usize].to_vec());
        }
    }
    Ok(frames)
}

fn plain(header: &[u8; HEADER_LEN]) -> ClientHeader {
    ClientHeader {
        header,
        secret: None,
    }
}

fn random_header(seed: u8) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    for (i, b) in h.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(167).wrapping_add(seed) ^ 0x5a;
    }
    h
}

#[test]
fn client_to_server_round_trip_every_kind_and_chunking() {
    for &kind in KINDS.iter() {
        for &obfuscated in [false, true].iter() {
            if obfuscated && kind == Kind::Full {
                continue;
            }
            let mut header = random_header(kind.code() as u8);
            if obfuscated {
                obfuscation::fill_client_header(&mut header, kind, -10002).unwrap();
            }
            let mut encoder = Encoder::client(
                kind,
                1 << 20,
                if obfuscated {
                    Some(plain(&header))
                } else {
                    None
                },
            )
            .unwrap();
            let mut stream = encoder.frame().to_vec();
            let sent: Vec<Vec<u8>> = [0usize, 1, 7, 300]
                .iter()
                .map(|&n| payload(n, n as u8))
                .collect();
            for p in &sent {
                let pad = if kind == Kind::Padded {
                    [1u8, 2, 3, 4, 5, 6, 7][..p.len() % 8].to_vec()
                } else {
                    vec![]
                };
                stream.extend_from_slice(encoder.encode(p, &pad, false).unwrap());
            }
            for &step in [1usize, 3, 64, 1 << 20].iter() {
                let mut server = Decoder::server(1 << 20, None).unwrap();
                assert_eq!(decode_all(&mut server, &stream, step).unwrap(), sent);
                assert_eq!(server.kind(), Some(kind));
                assert_eq!(server.obfuscated(), obfuscated);
                assert_eq!(server.dc_id(), if obfuscated { -10002 } else { 0 });
                server.end().unwrap();
            }
        }
    }
}

#[test]
fn server_to_client_round_trip_with_quick_acks() {
    for &kind in KINDS[..3].iter() {
        let mut header = random_header(9);
        obfuscation::fill_client_header(&mut header, kind, 2).unwrap();
        let mut client_encoder = Encoder::client(kind, 1 << 20, Some(plain(&header))).unwrap();
        let mut client_decoder = Decoder::client(kind, 1 << 20, Some(plain(&header))).unwrap();
        let mut server = Decoder::server(1 << 20, None).unwrap();
        let mut up = client_encoder.frame().to_vec();
        up.extend_from_slice(client_encoder.encode(&payload(2, 1), &[], true).unwrap());
        server.push_slice(&up).unwrap();
        assert_eq!(server.records().len(), 1);
        assert_eq!(server.records()[0].kind, Record::PAYLOAD_ACK);
        let mut reply = server.reply_encoder().unwrap();
        assert!(server.reply_encoder().is_err());
        let mut down = reply.quick_ack(0x1234_5678).unwrap();
        let mut bytes = reply.frame()[..down].to_vec();
        down = reply.encode(&payload(1, 2), &[], false).unwrap().len();
        bytes.extend_from_slice(&reply.frame()[..down]);
        for b in &bytes {
            client_decoder.push_slice(&[*b]).unwrap();
        }
        let mut all = Vec::new();
        let mut decoder = Decoder::client(kind, 1 << 20, Some(plain(&header))).unwrap();
        decoder.push_slice(&bytes).unwrap();
        all.extend_from_slice(decoder.records());
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0],
            Record {
                kind: Record::QUICK_ACK,
                value: 0x9234_5678,
                len: 0
            }
        );
        assert_eq!(all[1].kind, Record::PAYLOAD);
    }
}

#[test]
fn known_plain_frames() {
    let mut e = Encoder::client(Kind::Abridged, 1 << 20, None).unwrap();
    assert_eq!(e.frame(), &[0xef]);
    assert_eq!(
        e.encode(&[1, 2, 3, 4], &[], false).unwrap(),
        &[1, 1, 2, 3, 4]
    );
    assert_eq!(e.encode(&[9; 4], &[], true).unwrap()[0], 0x81);
    let big = e.encode(&[0; 508], &[], false).unwrap();
    assert_eq!(&big[..4], &[0x7f, 127, 0, 0]);
    let mut f = Encoder::client(Kind::Full, 1 << 20, None).unwrap();
    let frame = f.encode(&[1, 2, 3, 4], &[], false).unwrap().to_vec();
    assert_eq!(&frame[..8], &[16, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        u32::from_le_bytes([frame[12], frame[13], frame[14], frame[15]]),
        super::crc32(&frame[..12])
    );
    assert_eq!(
        &f.encode(&[1, 2, 3, 4], &[], false).unwrap()[4..8],
        &[1, 0, 0, 0]
    );
}

#[test]
fn hostile_input_fails_typed() {
    let mut d = Decoder::client(Kind::Intermediate, 1024, None).unwrap();
    assert_eq!(
        d.push_slice(&[0xff, 0xff, 0xff, 0x7f]),
        Err(Error::TooLarge)
    );
    assert_eq!(d.push_slice(&[1]), Err(Error::TooLarge));
    let mut d = Decoder::client(Kind::Full, 1024, None).unwrap();
    assert_eq!(d.push_slice(&[8, 0, 0, 0]), Err(Error::BadLength));
    let mut d = Decoder::client(Kind::Abridged, 1024, None).unwrap();
    assert_eq!(
        d.push_slice(&[1, 0x6c, 0xfe, 0xff, 0xff]),
        Err(Error::ServerError)
    );
    assert_eq!(d.server_code(), -404);
    let mut d = Decoder::client(Kind::Abridged, 1024, None).unwrap();
    d.push_slice(&[2, 1, 2]).unwrap();
    assert_eq!(d.end(), Err(Error::Truncated));
    let mut d = Decoder::server(1024, None).unwrap();
    let mut h = random_header(3);
    h[0] = 0x01;
    assert_eq!(d.push_slice(&h), Err(Error::BadHeader));
}

#[test]
fn mtproxy_secret_must_match() {
    let mut header = random_header(5);
    obfuscation::fill_client_header(&mut header, Kind::Padded, 2).unwrap();
    let secret = [7u8; 16];
    let o = ClientHeader {
        header: &header,
        secret: Some(&secret),
    };
    let mut encoder = Encoder::client(Kind::Padded, 1 << 20, Some(o)).unwrap();
    let mut stream = encoder.frame().to_vec();
    stream.extend_from_slice(encoder.encode(&payload(1, 3), &[9, 9], false).unwrap());
    let mut right = Decoder::server(1 << 20, Some(secret)).unwrap();
    assert_eq!(right.push_slice(&stream), Ok(1));
    let mut wrong = Decoder::server(1 << 20, Some([8u8; 16])).unwrap();
    assert_eq!(wrong.push_slice(&stream), Err(Error::BadHeader));
    let mut none = Decoder::server(1 << 20, None).unwrap();
    assert_eq!(none.push_slice(&stream), Err(Error::BadHeader));
}
