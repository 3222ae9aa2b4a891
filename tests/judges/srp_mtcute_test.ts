// The server's SRP checked against an independent client implementation (mtcute's
// computeSrpParams): the right password is accepted, a wrong one refused, and the verifier's
// password hash matches mtcute's computePasswordHash byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computePasswordHash, computeSrpParams } from "@mtcute/core/utils.js";
import { NodeCryptoProvider } from "@mtcute/node/utils.js";
import { initCore } from "../../core/mod.ts";
import {
  checkProof,
  makeChallenge,
  makeSrpSecret,
  passwordHash,
} from "../../testing/server/srp.ts";
import { algoObject } from "../../testing/server/srp.ts";

await initCore();
const crypto = new NodeCryptoProvider();
await crypto.initialize?.();

test("srp: the server's password hash equals mtcute's", async () => {
  const salt1 = new Uint8Array(40).map((_, i) => i * 7);
  const salt2 = new Uint8Array(16).map((_, i) => 200 - i);
  const theirs = await computePasswordHash(
    crypto,
    new TextEncoder().encode("pässword"),
    salt1,
    salt2,
  );
  assert.deepEqual(passwordHash("pässword", salt1, salt2), new Uint8Array(theirs));
});

test("srp: mtcute's proof passes with the right password and fails with a wrong one", async () => {
  const secret = makeSrpSecret("correct horse");
  for (
    const [password, expected] of [["correct horse", null], [
      "correct hors",
      "PASSWORD_HASH_INVALID",
    ]]
  ) {
    const challenge = makeChallenge(secret);
    const request = {
      _: "account.password",
      hasPassword: true,
      currentAlgo: algoObject(secret.salt1, secret.salt2),
      srpB: challenge.bBytes,
      srpId: challenge.srpId,
      newAlgo: algoObject(new Uint8Array(8), new Uint8Array(16)),
      newSecureAlgo: {
        _: "securePasswordKdfAlgoPBKDF2HMACSHA512iter100000",
        salt: new Uint8Array(8),
      },
      secureRandom: new Uint8Array(32),
    };
    // deno-lint-ignore no-explicit-any
    const proof = await computeSrpParams(crypto, request as any, password as string) as unknown as {
      A: Uint8Array;
      M1: Uint8Array;
    };
    assert.equal(checkProof(secret, challenge, proof.A, proof.M1), expected);
  }
});
