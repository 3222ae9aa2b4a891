/**
 * The TestServer's fixed RSA-2048 key (generated once with node:crypto for this project; it
 * protects nothing but test handshakes on 127.0.0.1). A fixed key lets clients and session files
 * made in one run be reused in the next; `TestServer.start({ freshKey: true })` makes a new one.
 *
 * @module
 */

/** PKCS#1 public key, as Telegram publishes its keys. */
export const TEST_PUBLIC_KEY_PEM = `-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAwh+xpB8QYcHYQ5TMvjre2Z3p84sAyCbCj1N4SktKObrqvqtR1nXO
RcHLZ1rP3G2r0n4UPdsa4bJzbPe7SHLUtme7pLeju4yFMkBC/UJpP3PG9xsaeCTX
BclkGtHsH/tFOjjP2XYqnT7Y/YYk+Kly71god/Ox2VC62Xc566w8A9Q/s2fCYUFS
27DGRjbASfMPhM0gt9zjvd8E5pzpoSwYnj0qsVMzH3sgWy/SKX0wVOk78uVWzGSw
1giq1FJ3LMqzkz/AshtVptkR93vTIQA23wBE8J1HeDmtHbuZV0NvDt7nYnWRsvf2
8jou1w3TiLLCXL78GTA6lkTOiA/3d9T12QIDAQAB
-----END RSA PUBLIC KEY-----
`;

/** PKCS#1 private key of {@link TEST_PUBLIC_KEY_PEM}. Test-only: it guards nothing real. */
export const TEST_PRIVATE_KEY_PEM = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAwh+xpB8QYcHYQ5TMvjre2Z3p84sAyCbCj1N4SktKObrqvqtR
1nXORcHLZ1rP3G2r0n4UPdsa4bJzbPe7SHLUtme7pLeju4yFMkBC/UJpP3PG9xsa
eCTXBclkGtHsH/tFOjjP2XYqnT7Y/YYk+Kly71god/Ox2VC62Xc566w8A9Q/s2fC
YUFS27DGRjbASfMPhM0gt9zjvd8E5pzpoSwYnj0qsVMzH3sgWy/SKX0wVOk78uVW
zGSw1giq1FJ3LMqzkz/AshtVptkR93vTIQA23wBE8J1HeDmtHbuZV0NvDt7nYnWR
svf28jou1w3TiLLCXL78GTA6lkTOiA/3d9T12QIDAQABAoIBAAdTvkHCm7yviLks
TE9rK27YA1+aQeJMIZCFXFykMN4ITG9RShp9LIGnie+RwZdsBaNBTQRKA968Ue0C
q21VoD/Dnz/dX+8RTmm80TUmpOWsj2L+VpEYWuFbXk2WL4Ju2ohoYo1ZD3dgoDzE
K8W9p5qZyj/qJoQHBGEhm0G7qNxAEsWT0hXJhAxPsv2tW/TBkIGLJp7+Alx65Dg8
NmqEJ+402Ax+57rXIuBOK4TJp1AuGhcf3fNJvJKz/sPMb323J9eh1FFba1gS4gvg
LD+4Bz8AYFJONU1ZrPxQfzSaRQgkDLWaEklKaiqE5zBnNVGgnosXZJpbQqhVak8h
vl90TE0CgYEA8lxpirTFezktaO2OehXjSDTv7f6Ly7gubcxHfSAes2HUFiAoGO2W
dJdvLmmMf0HjxdVK0OZ4Xsmv5xw6/ggJnIrN2CMvFDcjFEc+M22f6AYq8Cs15yFB
u0zn0x6m2Pj5RVKzTd9cdCHtW/8qVu/yPz053qv2Lb3CHndiLMci938CgYEAzQxZ
kK5sIP4gxrqx+KSSC6OFAe5F4V0CYOU7qAn6wWh8cOoAi2enKH5XIeiYDyn81/5s
SisWP5TcQIPXy/0wSLruK7Q9suElpPQSsnGP85mj1FadVdRU8oqKwo3fcbfQ6oGW
DT/1QjVMnMFbC+m43uoOgy7wmvH2JpLdLChLfqcCgYBM8xpvd8XbweOxFPvPt3Na
UbR8E/2+yNO0+M8Z40DcI4t7GuqgP48tpYcfbVO2c+0luvruKL6/GbpH3qa8UUD7
+vYwUbt456izn4sYOQ40VQD9EDslD2IXXeudFHZVHXfHkuJrLyfjl4INW47N25FG
kuH02RRooX8ovS7mmLN5cQKBgDBJ+kXSbfCPKJTknskZqLNI/SfpP1fFmavMEHKQ
dxdZTgUhdqNd88XbixWXO0hG8R7E8ie9Ye3zVrNy2T1XESnvq+tq9STNVRo1yLlx
eR87TZPSGhd+e8rqyabr1nVnfrHbdsUEDPRcrQA1oQV7M2h74pMOWOeEmB2ZdLDT
hIP9AoGBAO++So8v7T6TAMfk3qKBtpUzYd6nS08S7doqDfNtdblr3DtCZDF0VF4o
jv3KHFgamNLi94VEgT5WmgAwtW/cE56RAqOfUU34rL7rzfKLCmMCLC5NNePCL5g6
q/MHbV+IE0pn2F21AYv0LkUZYwdbw6d4vzpj328Hsy1uvxUOI8MF
-----END RSA PRIVATE KEY-----
`;
