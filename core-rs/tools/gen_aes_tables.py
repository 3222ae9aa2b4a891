# Generates the nibble tables of the vector-permute AES in core-rs/src/aes_simd.rs (written to
# core-rs/src/aes_tables.rs) and checks a model of the whole cipher, built from exactly those
# tables and permutations, against the `cryptography` package and FIPS-197.
#   python3 core-rs/tools/gen_aes_tables.py core-rs/src/aes_tables.rs
import os, sys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

def gmul(a, b, mod, bits):
    r = 0
    while b:
        if b & 1: r ^= a
        b >>= 1; a <<= 1
        if a >> bits: a ^= mod
    return r
g16 = lambda a, b: gmul(a, b, 0x13, 4)
g256 = lambda a, b: gmul(a, b, 0x11B, 8)
INF = 0x80
inv16 = [0] * 16
for x in range(1, 16):
    for y in range(1, 16):
        if g16(x, y) == 1: inv16[x] = y
# GF(256) = GF(16)[T]/(T^2 + aT + a); byte (i << 4) | k stands for i*T + k.
ALPHA = next(a for a in range(1, 16) if all(g16(t, t) ^ g16(a, t) ^ a for t in range(16)))
def tmul(x, y):
    i1, k1, i2, k2 = x >> 4, x & 15, y >> 4, y & 15
    ii = g16(i1, i2)  # T^2 = aT + a
    return ((g16(ii, ALPHA) ^ g16(i1, k2) ^ g16(k1, i2)) << 4) | (g16(ii, ALPHA) ^ g16(k1, k2))
def tpow(x, n):
    r = 1
    for _ in range(n): r = tmul(r, x)
    return r
root = next(b for b in range(2, 256) if tpow(b, 8) ^ tpow(b, 4) ^ tpow(b, 3) ^ b ^ 1 == 0)
psi_basis = [tpow(root, n) for n in range(8)]
def lin(basis):
    def f(b):
        r = 0
        for n in range(8):
            if b >> n & 1: r ^= basis[n]
        return r
    return f
psi = lin(psi_basis)
psi_inv_t = {psi(b): b for b in range(256)}
assert len(psi_inv_t) == 256
psi_inv = lambda t: psi_inv_t[t]
for x in range(0, 256, 7):
    for y in range(0, 256, 11):
        assert psi(g256(x, y)) == tmul(psi(x), psi(y))
def aff(x):  # linear part of the AES affine map
    r = 0
    for n in range(8):
        r |= ((x >> n ^ x >> ((n + 4) % 8) ^ x >> ((n + 5) % 8) ^ x >> ((n + 6) % 8) ^ x >> ((n + 7) % 8)) & 1) << n
    return r
aff_inv_t = {aff(x): x for x in range(256)}
aff_inv = lambda y: aff_inv_t[y]
assert aff_inv(0x63) == 0x05
SBOX = [0] * 256
for x in range(256):
    v = 0 if x == 0 else next(y for y in range(1, 256) if g256(x, y) == 1)
    SBOX[x] = aff(v) ^ 0x63
INV_SBOX = [SBOX.index(y) for y in range(256)]

# Inversion with five 16-entry lookups (i high, k low nibble, j = i ^ k, 1/0 = INF = 0x80, and
# a lookup of an index >= 16 gives 0, as i8x16.swizzle does):
#   io = 1/(1/i + a/k) + j,  jo = 1/(1/j + a/k) + i
# With Q = a i^2 + a i k + k^2 (the norm): 1/io = (a i + k)/Q, 1/jo = (a j + k)/Q, and
#   1/(iT + k) = (i/Q) T + (a i + k)/Q.
INV = [INF] + inv16[1:]
AK = [INF] + [g16(ALPHA, inv16[k]) for k in range(1, 16)]
def lk(t, x): return t[x] if x < 16 else 0
def inv_parts(s):
    i, k = s >> 4, s & 15
    j = i ^ k
    ak = AK[k]
    io = lk(INV, INV[i] ^ ak) ^ j
    jo = lk(INV, INV[j] ^ ak) ^ i
    return io, jo
a2 = g16(ALPHA, ALPHA)
ia2 = inv16[a2]
def f_io(io):  # the part of 1/x that depends on io: (1+a)/(a^2 io) T + 1/io
    if io >= 16 or io == 0: return 0
    y = inv16[io]
    return (g16(g16(1 ^ ALPHA, ia2), y) << 4) | y
def g_jo(jo):
    if jo >= 16 or jo == 0: return 0
    return g16(ia2, inv16[jo]) << 4
def f_io_g(s):
    io, jo = inv_parts(s)
    return f_io(io) ^ g_jo(jo)
for s in range(256):
    want = 0 if s == 0 else next(y for y in range(1, 256) if tmul(s, y) == 1)
    assert f_io_g(s) == want, s
def table_pair(out):
    """Two 16-entry tables U[io], T[jo] with U[io] ^ T[jo] = out(1/x) for every x (out linear)."""
    U = [out(f_io(v)) for v in range(16)]
    T = [out(g_jo(v)) for v in range(16)]
    return U, T

D = lambda y: psi(aff_inv(y))          # decryption state basis
D_inv_t = {D(y): y for y in range(256)}
D_inv = lambda b: D_inv_t[b]
PSI5 = psi(0x05)
def nib(f):
    return [f(v) for v in range(16)], [f(v << 4) for v in range(16)]

tables = {}
tables["INV"] = INV
tables["AK"] = AK
tables["PSI_LO"], tables["PSI_HI"] = nib(psi)      # standard -> encryption state
tables["D_LO"], tables["D_HI"] = nib(D)            # standard -> decryption state (linear part)
# encryption: state bytes psi(y); S'(x) = aff(1/x)
enc_out = lambda c: (lambda z: psi(g256(c, aff(psi_inv(z)))))
tables["E1_U"], tables["E1_T"] = table_pair(enc_out(1))
tables["E2_U"], tables["E2_T"] = table_pair(enc_out(2))
tables["EL_U"], tables["EL_T"] = table_pair(lambda z: aff(psi_inv(z)))
# decryption: inversion input is psi(aff_inv(y) ^ 5) = state; output c * InvS in state basis D
dec_out = lambda c: (lambda z: D(g256(c, psi_inv(z))))
for c, name in ((14, "E"), (11, "B"), (13, "D"), (9, "N")):
    tables[f"D{name}_U"], tables[f"D{name}_T"] = table_pair(dec_out(c))
tables["DL_U"], tables["DL_T"] = table_pair(lambda z: psi_inv(z))
consts = {"PSI_63": psi(0x63), "PSI_5": PSI5}

# ---- model of the whole cipher, checked against `cryptography` ----
def sw(t, idx): return [t[i] if i < 16 else 0 for i in idx]
def xo(a, b): return [p ^ q for p, q in zip(a, b)]
def perm(v, p): return [v[i] for i in p]
SR = [0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11]
ISR = [0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3]
R = [[4 * (d // 4) + (d % 4 + n) % 4 for d in range(16)] for n in range(4)]
def comp(rk, sr): return [sr[rk[d]] for d in range(16)]
ESR = [comp(R[n], SR) for n in range(4)]
DSR = [comp(R[n], ISR) for n in range(4)]
def nibbles(lo, hi, v): return xo(sw(lo, [b & 15 for b in v]), sw(hi, [b >> 4 for b in v]))
def vinv(v):
    i = [b >> 4 for b in v]; k = [b & 15 for b in v]
    j = xo(i, k)
    ak = sw(AK, k)
    io = xo(sw(INV, xo(sw(INV, i), ak)), j)
    jo = xo(sw(INV, xo(sw(INV, j), ak)), i)
    return io, jo
def expand(key):
    w = [list(key[4 * n:4 * n + 4]) for n in range(8)]
    rcon = 1
    for n in range(8, 60):
        t = list(w[n - 1])
        if n % 8 == 0:
            t = [SBOX[b] for b in t[1:] + t[:1]]; t[0] ^= rcon; rcon = g256(rcon, 2)
        elif n % 8 == 4:
            t = [SBOX[b] for b in t]
        w.append([p ^ q for p, q in zip(w[n - 8], t)])
    return [sum(w[4 * r:4 * r + 4], []) for r in range(15)]
def inv_mix(b):
    o = []
    for c in range(4):
        col = b[4 * c:4 * c + 4]
        for r in range(4):
            o.append(g256(14, col[r]) ^ g256(11, col[(r + 1) % 4]) ^ g256(13, col[(r + 2) % 4]) ^ g256(9, col[(r + 3) % 4]))
    return o
def enc_model(key, blk):
    rk = expand(key)
    s = xo(nibbles(tables["PSI_LO"], tables["PSI_HI"], blk), [psi(b) for b in rk[0]])
    for r in range(1, 14):
        io, jo = vinv(s)
        x1 = xo(sw(tables["E1_U"], io), sw(tables["E1_T"], jo))
        x2 = xo(sw(tables["E2_U"], io), sw(tables["E2_T"], jo))
        # the round key joins the first table output before its permutation (pre-permuted)
        kp = perm([psi(b) ^ consts["PSI_63"] for b in rk[r]], ISR)
        s = xo(xo(perm(xo(x2, kp), ESR[0]), perm(xo(x2, x1), ESR[1])), xo(perm(x1, ESR[2]), perm(x1, ESR[3])))
    io, jo = vinv(s)
    out = xo(sw(tables["EL_U"], io), sw(tables["EL_T"], jo))
    return bytes(xo(perm(out, SR), [b ^ 0x63 for b in rk[14]]))
def dec_model(key, blk):
    rk = expand(key)
    s = xo(nibbles(tables["D_LO"], tables["D_HI"], blk), [D(b) ^ PSI5 for b in rk[14]])
    for r in range(1, 14):
        io, jo = vinv(s)
        parts = [xo(sw(tables[f"D{n}_U"], io), sw(tables[f"D{n}_T"], jo)) for n in "EBDN"]
        kp = perm([D(b) ^ PSI5 for b in inv_mix(rk[14 - r])], SR)
        s = xo(xo(perm(xo(parts[0], kp), DSR[0]), perm(parts[1], DSR[1])), xo(perm(parts[2], DSR[2]), perm(parts[3], DSR[3])))
    io, jo = vinv(s)
    out = xo(sw(tables["DL_U"], io), sw(tables["DL_T"], jo))
    return bytes(xo(perm(out, ISR), rk[0]))
for _ in range(20):
    key, blk = os.urandom(32), os.urandom(16)
    c = Cipher(algorithms.AES(key), modes.ECB())
    want = c.encryptor().update(blk)
    assert enc_model(key, blk) == want
    assert dec_model(key, want) == blk
# FIPS-197 C.3
key = bytes(range(32)); blk = bytes.fromhex("00112233445566778899aabbccddeeff")
assert enc_model(key, blk).hex() == "8ea2b7ca516745bfeafc49904b496089"

out = sys.argv[1] if len(sys.argv) > 1 else None
lines = ["// Generated by core-rs/tools/gen_aes_tables.py; do not edit.", ""]
for name, t in tables.items():
    lines.append(f"const {name}: [u8; 16] = [{', '.join(f'0x{b:02x}' for b in t)}];")
for n in range(4):
    lines.append(f"const ESR{n}: [u8; 16] = [{', '.join(str(b) for b in ESR[n])}];")
for n in range(4):
    lines.append(f"const DSR{n}: [u8; 16] = [{', '.join(str(b) for b in DSR[n])}];")
for name, v in consts.items():
    lines.append(f"const {name}: u8 = 0x{v:02x};")
text = "\n".join(lines) + "\n"
if out: open(out, "w").write(text)
else: print(text)
print("model checked, alpha", ALPHA, file=sys.stderr)
