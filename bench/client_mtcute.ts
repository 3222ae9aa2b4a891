/**
 * mtcute pointed at a TestServer, for the client benchmark (as the judge in tests/judges/ does):
 * the server's RSA key trusted, DC 2 dialled at its loopback port.
 */
import {
  IntermediatePacketCodec,
  MemoryStorage,
  ObfuscatedPacketCodec,
  TcpTransport,
  TelegramClient as MtcuteClient,
} from "@mtcute/node";
import { addPublicKey } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import type { Target } from "./client_target.ts";

class ObfuscatedTcpTransport extends TcpTransport {
  override packetCodec() {
    return new ObfuscatedPacketCodec(new IntermediatePacketCodec()) as never;
  }
}

let mtcuteCrypto: NodeCryptoProvider | undefined;

/** An mtcute client on DC 2 (obfuscated intermediate, as irenogram's default transport). */
export async function mtcuteClient(t: Target): Promise<MtcuteClient> {
  if (!mtcuteCrypto) {
    mtcuteCrypto = new NodeCryptoProvider();
    await mtcuteCrypto.initialize?.();
  }
  addPublicKey(mtcuteCrypto, t.pem);
  const dc = t.dcs.find((d) => d.id === 2)!;
  const option = { id: 2, ipAddress: dc.host, port: dc.port };
  return new MtcuteClient({
    apiId: t.apiId,
    apiHash: t.apiHash,
    storage: new MemoryStorage(),
    defaultDcs: { main: option, media: option },
    transport: new ObfuscatedTcpTransport(),
    logLevel: 0,
  });
}
