# Generates the nibble tables of a table-free (in-register) AES for WASM SIMD: the state is kept
# in a tower-field representation GF((2^4)^2) and every S-box is computed with 16-entry
# permutations (i8x16.swizzle). Verifies a full model against the `cryptography` package.
import os
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
A_CONST = next(a for a in range(1, 16) if all(g16(t, t) ^ t ^ a for t in range(16)))
# tower element byte = (i << 4) | k  meaning i*t + k, t^2 = t + A_CONST
def tmul(x, y):
    i1, k1, i2, k2 = x >> 4, x & 15, y >> 4, y & 15
    ii = g16(i1, i2)
    return ((ii ^ g16(i1, k2) ^ g16(k1, i2)) << 4) | (g16(ii, A_CONST) ^ g16(k1, k2))
def tpow(x, n):
    r = 1
    for _ in range(n): r = tmul(r, x)
    return r
beta = next(b for b in range(2, 256) if tpow(b, 8) ^ tpow(b, 4) ^ tpow(b, 3) ^ b ^ 1 == 0)
phi_basis = [tpow(beta, n) for n in range(8)]
def phi(b):
    r = 0
    for n in range(8):
        if b >> n & 1: r ^= phi_basis[n]
    return r
phi_inv_t = {phi(b): b for b in range(256)}
assert len(phi_inv_t) == 256
phi_inv = lambda t: phi_inv_t[t]
for x in range(0, 256, 7):
    for y in range(0, 256, 11):
        assert phi(g256(x, y)) == tmul(phi(x), phi(y))
def aff_lin(x):  # AES affine transform without the constant
    r = 0
    for n in range(8):
        bit = (x >> n ^ x >> ((n + 4) % 8) ^ x >> ((n + 5) % 8) ^ x >> ((n + 6) % 8) ^ x >> ((n + 7) % 8)) & 1
        r |= bit << n
    return r
aff_inv_t = {aff_lin(x): x for x in range(256)}
aff_inv = lambda y: aff_inv_t[y]
INV = [INF] + inv16[1:]
A = [g16(A_CONST, x) for x in range(16)]
IA = [INF] + [inv16[g16(A_CONST, x)] for x in range(1, 16)]
def lk(t, x): return t[x] if x < 16 else 0
def inversion(s):  # -> (P, Z), the inverse is P*t + A_CONST*Z
    i, k = s >> 4, s & 15
    j = i ^ k
    ai = A[i]
    P = lk(INV, ai ^ lk(INV, lk(INV, k) ^ lk(INV, j)))
    Z = lk(INV, A[j] ^ lk(INV, lk(IA, i) ^ lk(INV, j ^ ai)))
    return P & 0xff, Z & 0xff
for s in range(256):
    P, Z = inversion(s)
    P = P if P < 16 else 0; Z = Z if Z < 16 else 0
    y = (P << 4) | g16(A_CONST, Z)
    assert (s == 0 and y == 0) or tmul(s, y) == 1, s
# value of the inverse as an AES-representation byte from (P, Z): linear, two tables
invP = [phi_inv(p << 4) for p in range(16)]
invZ = [phi_inv(g16(A_CONST, z)) for z in range(16)]
def table2(f):  # f: AES-rep inverse value -> output byte (linear)
    return [f(invP[p]) for p in range(16)], [f(invZ[z]) for z in range(16)]
# encryption: state in tower rep; S-box output in tower rep (constant 0x63 goes to round keys)
ENC_S = table2(lambda v: phi(aff_lin(v)))
ENC_S2 = table2(lambda v: phi(g256(2, aff_lin(v))))
# decryption: state kept as u = G(x) ^ c with G = phi o aff_inv
G = lambda x: phi(aff_inv(x))
C63 = G(0x63)
DEC_M = [table2(lambda v, m=m: G(g256(m, v))) for m in (14, 11, 13, 9)]
DEC_OUT = table2(lambda v: v)
PHI = ([phi(n) for n in range(16)], [phi(n << 4) for n in range(16)])
PHI_INV = ([phi_inv(n) for n in range(16)], [phi_inv(n << 4) for n in range(16)])
GT = ([G(n) for n in range(16)], [G(n << 4) for n in range(16)])

# ---- a full model on lists of 16 bytes ----
SHIFT = [(4 * ((c + r) % 4) + r) for c in range(4) for r in range(4)]  # out[4c+r] = in[SHIFT]
INVSHIFT = [0] * 16
for o, i in enumerate(SHIFT): INVSHIFT[i] = o
ROT = lambda n: [4 * (q // 4) + (q % 4 + n) % 4 for q in range(16)]
perm = lambda v, p: [v[x] for x in p]
xor = lambda a, b: [x ^ y for x, y in zip(a, b)]
nib = lambda t, v: [t[0][x & 15] ^ t[1][x >> 4] for x in v]
def out2(t, PZ): return [t[0][p] ^ t[1][z] if True else 0 for p, z in PZ]
def inv_vec(v):
    r = []
    for s in v:
        P, Z = inversion(s)
        r.append((P if P < 16 else 0, Z if Z < 16 else 0))
    return r
def sbox_aes(v):  # AES S-box on AES-rep bytes (for the key schedule)
    t = nib(PHI, v)
    return [phi_inv(x) ^ 0x63 for x in out2(ENC_S, inv_vec(t))]
def expand(key):
    w = [list(key[4 * n:4 * n + 4]) for n in range(8)]
    rc = 1
    for n in range(8, 60):
        t = w[n - 1][:]
        if n % 8 == 0:
            t = sbox_aes(t[1:] + t[:1]); t[0] ^= rc; rc = g256(rc, 2)
        elif n % 8 == 4:
            t = sbox_aes(t)
        w.append(xor(w[n - 8], t))
    return [sum(w[4 * r:4 * r + 4], []) for r in range(15)]
def enc_keys(rk):
    c = phi(0x63)
    return [nib(PHI, rk[0])] + [[x ^ c for x in nib(PHI, rk[r])] for r in range(1, 15)]
def encrypt(ek, block):
    s = xor(nib(PHI, block), ek[0])
    for r in range(1, 15):
        s = perm(s, SHIFT)
        PZ = inv_vec(s)
        S = out2(ENC_S, PZ)
        if r == 14:
            s = xor(S, ek[r]); break
        T = out2(ENC_S2, PZ)
        s = xor(xor(xor(xor(T, perm(xor(T, S), ROT(1))), perm(S, ROT(2))), perm(S, ROT(3))), ek[r])
    return nib(PHI_INV, s)
def invmc(v):
    return [g256(14, v[4*(q//4)+q%4]) ^ g256(11, v[4*(q//4)+(q%4+1)%4]) ^ g256(13, v[4*(q//4)+(q%4+2)%4]) ^ g256(9, v[4*(q//4)+(q%4+3)%4]) for q in range(16)]
def dec_keys(rk):
    # dk[0] = G(w14) (c folded into the G table), dk[r] = G(InvMC(w[14-r])) ^ c, dk[14] = w0 (AES rep)
    return [[G(x) for x in rk[14]]] + [[G(x) ^ C63 for x in invmc(rk[14 - r])] for r in range(1, 14)] + [rk[0]]
def decrypt(dk, block):
    s = xor([x ^ C63 for x in nib(GT, block)], dk[0])
    for r in range(1, 15):
        s = perm(s, INVSHIFT)
        PZ = inv_vec(s)
        if r == 14:
            return xor(out2(DEC_OUT, PZ), dk[14])
        E, B, D, N = (out2(t, PZ) for t in DEC_M)
        s = xor(xor(xor(xor(E, perm(B, ROT(1))), perm(D, ROT(2))), perm(N, ROT(3))), dk[r])

for trial in range(200):
    key = os.urandom(32); blk = os.urandom(16)
    if trial == 0:
        key = bytes(range(32)); blk = bytes.fromhex("00112233445566778899aabbccddeeff")
    ref = Cipher(algorithms.AES(key), modes.ECB()).encryptor().update(blk)
    rk = expand(key)
    got = bytes(encrypt(enc_keys(rk), list(blk)))
    assert got == ref, (trial, got.hex(), ref.hex())
    assert bytes(decrypt(dec_keys(rk), list(ref))) == blk, trial
print("model ok; A_CONST", A_CONST, "beta", beta)

def rs(name, v):
    return f"const {name}: [u8; 16] = [{', '.join(f'0x{x:02x}' for x in v)}];"
out = ["// Generated by core-rs/tools/gen_aes_tables.py; do not edit.", ""]
out += [rs("INV", INV), rs("MUL_A", A), rs("INV_MUL_A", IA)]
out += [rs("PHI_LO", PHI[0]), rs("PHI_HI", PHI[1]), rs("PHI_INV_LO", PHI_INV[0]), rs("PHI_INV_HI", PHI_INV[1])]
out += [rs("G_LO", [x ^ C63 for x in GT[0]]), rs("G_HI", GT[1])]
out += [rs("ENC_S_P", ENC_S[0]), rs("ENC_S_Z", ENC_S[1]), rs("ENC_S2_P", ENC_S2[0]), rs("ENC_S2_Z", ENC_S2[1])]
for n, t in zip(("E", "B", "D", "N"), DEC_M):
    out += [rs(f"DEC_{n}_P", t[0]), rs(f"DEC_{n}_Z", t[1])]
out += [rs("DEC_OUT_P", DEC_OUT[0]), rs("DEC_OUT_Z", DEC_OUT[1])]
out += [f"const PHI_63: u8 = 0x{phi(0x63):02x};", f"const G_63: u8 = 0x{C63:02x};"]
open(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", "src", "aes_tables.rs"), "w").write("\n".join(out) + "\n")
