import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { IrenogramError } from "../errors.ts";
import {
  BadRequest,
  FilePart0Missing,
  FilePartMissing,
  Flood,
  FloodWait,
  PhoneMigrate,
  rpcCodeClasses,
  RpcError,
  rpcErrorClasses,
  rpcErrorFromServer,
  SeeOther,
  TwoFaConfirmWait,
} from "./mod.ts";

function tables(): { code: number; id: string; message: string }[] {
  for (const rel of ["./schema/errors/", "../../tl/schema/errors/"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(dir)) continue;
    const rows: { code: number; id: string; message: string }[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".tsv"))) {
      const code = Number(file.split("_")[0]);
      const lines = readFileSync(dir + file, "utf8").split(/\r?\n/).filter((l) => l.trim());
      assert.equal(lines[0], "id\tmessage", file);
      for (const line of lines.slice(1)) {
        const [id, message] = line.split("\t");
        rows.push({ code, id: id.trim(), message: message.trim() });
      }
    }
    return rows;
  }
  throw new Error("tl/schema/errors not found");
}

const rows = tables();

test("every row of the error tables has its class", () => {
  assert.ok(rows.length > 800, `${rows.length} rows`);
  assert.equal(rpcErrorClasses.size, rows.length);
  for (const { code, id, message } of rows) {
    const cls = rpcErrorClasses.get(`${code} ${id}`);
    assert.ok(cls, `${code} ${id}`);
    const e = new cls();
    assert.ok(e instanceof RpcError && e instanceof IrenogramError && e instanceof Error);
    assert.equal(e.errorCode, code);
    assert.equal(e.id, id);
    assert.equal(e.code, id);
    if (!message.includes("{value}")) assert.ok(e.message.includes(message), e.message);
  }
});

test("each class has its row's ID and DESCRIPTION as its own static fields, under its code's class", () => {
  const names = new Set<string>();
  for (const { code, id, message } of rows) {
    const cls = rpcErrorClasses.get(`${code} ${id}`)!;
    for (const [key, value] of [["ID", id], ["DESCRIPTION", message]]) {
      assert.deepEqual(Object.getOwnPropertyDescriptor(cls, key), {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      }, `${cls.name}.${key}`);
    }
    assert.equal(Object.getPrototypeOf(cls), rpcCodeClasses.get(code), cls.name);
    assert.ok(/^[A-Z][A-Za-z0-9]*$/.test(cls.name) && !names.has(cls.name), cls.name);
    names.add(cls.name);
  }
});

test("numbered variants map to their class and carry the number", () => {
  let numbered = 0;
  for (const { code, id, message } of rows) {
    if (!id.split("_").includes("X")) continue;
    const sent = id.replace(/(^|_)X(_|$)/, "$1" + "1234" + "$2");
    const e = rpcErrorFromServer(code, sent);
    assert.equal(e.constructor, rpcErrorClasses.get(`${code} ${id}`), sent);
    assert.equal(e.value, 1234, sent);
    assert.equal(e.serverMessage, sent);
    if (message.includes("{value}")) assert.ok(e.message.includes("1234"), e.message);
    numbered++;
  }
  assert.ok(numbered > 20, `${numbered} numbered errors`);
});

test("FLOOD_WAIT_X, PHONE_MIGRATE_X, FILE_PART_X_MISSING, 2FA_CONFIRM_WAIT_X", () => {
  const flood = rpcErrorFromServer(420, "FLOOD_WAIT_42", "messages.sendMessage");
  assert.ok(flood instanceof FloodWait && flood instanceof Flood);
  assert.equal(flood.value, 42);
  assert.equal(flood.errorCode, 420);
  assert.equal(flood.name, "FloodWait");
  assert.equal(
    flood.message,
    "[420 FLOOD_WAIT_X] A wait of 42 seconds is required (caused by messages.sendMessage)",
  );
  const migrate = rpcErrorFromServer(303, "PHONE_MIGRATE_5");
  assert.ok(migrate instanceof PhoneMigrate && migrate instanceof SeeOther);
  assert.equal(migrate.value, 5);
  const part = rpcErrorFromServer(400, "FILE_PART_7_MISSING");
  assert.ok(part instanceof FilePartMissing);
  assert.equal(part.value, 7);
  // An exact id wins over the numbered pattern.
  assert.ok(rpcErrorFromServer(400, "FILE_PART_0_MISSING") instanceof FilePart0Missing);
  const twoFa = rpcErrorFromServer(420, "2FA_CONFIRM_WAIT_3600");
  assert.ok(twoFa instanceof TwoFaConfirmWait);
  assert.equal(twoFa.value, 3600);
});

test("unknown errors become their code's class, or a plain RpcError", () => {
  const unknown = rpcErrorFromServer(400, "SOMETHING_NEW_HAPPENED");
  assert.equal(unknown.constructor, BadRequest);
  assert.equal(unknown.errorCode, 400);
  assert.equal(unknown.id, "SOMETHING_NEW_HAPPENED");
  assert.equal(unknown.value, undefined);
  const numbered = rpcErrorFromServer(420, "NEW_WAIT_9");
  assert.equal(numbered.constructor, Flood);
  assert.equal(numbered.id, "NEW_WAIT_X");
  assert.equal(numbered.value, 9);
  const odd = rpcErrorFromServer(418, "TEAPOT");
  assert.equal(odd.constructor, RpcError);
  assert.equal(odd.errorCode, 418);
  assert.match(odd.message, /418 TEAPOT/);
  // A known id under another code is not mistaken for that code's class.
  assert.equal(rpcErrorFromServer(400, "FLOOD_WAIT_5").constructor, BadRequest);
});

test("exact ids with digits carry no value: every one of the tables, FILE_PART_0_MISSING", () => {
  const exact = rpcErrorFromServer(400, "FILE_PART_0_MISSING");
  assert.equal(exact.value, undefined);
  assert.equal(exact.id, "FILE_PART_0_MISSING");
  let withDigits = 0;
  for (const { code, id } of rows) {
    if (id.split("_").includes("X") || !/\d/.test(id)) continue;
    const e = rpcErrorFromServer(code, id);
    assert.equal(e.constructor, rpcErrorClasses.get(`${code} ${id}`), id);
    assert.equal(e.value, undefined, id);
    assert.equal(e.id, id);
    withDigits++;
  }
  assert.ok(withDigits >= 3, `${withDigits} exact ids with digits`);
});

test("RpcError.is: by id (X form), by the server's message, by code; false for anything else", () => {
  const flood = rpcErrorFromServer(420, "FLOOD_WAIT_42");
  assert.equal(RpcError.is(flood, "FLOOD_WAIT_X"), true);
  assert.equal(RpcError.is(flood, "FLOOD_WAIT_42"), true);
  assert.equal(RpcError.is(flood, 420), true);
  assert.equal(RpcError.is(flood, "FLOOD_WAIT_41"), false);
  assert.equal(RpcError.is(flood, "PEER_ID_INVALID"), false);
  assert.equal(RpcError.is(flood, 400), false);
  assert.equal(RpcError.is(new Error("FLOOD_WAIT_X"), "FLOOD_WAIT_X"), false);
  assert.equal(RpcError.is(undefined, 420), false);
  assert.equal(RpcError.is(rpcErrorFromServer(400, "SOMETHING_NEW"), "SOMETHING_NEW"), true);
});
