/**
 * Telegram's data-centre addresses (public facts, the same table Pyrogram and its forks ship).
 * Production DCs listen on port 443, test DCs on port 80 (as Pyrogram and Irenogram connect).
 *
 * @module
 */

/** An address a client connects to. */
export interface DcAddress {
  /** IP address (or host name) of the DC. */
  host: string;
  /** TCP port of the DC. */
  port: number;
}

/** Port of production DCs. */
export const PRODUCTION_PORT = 443;
/** Port of test DCs. */
export const TEST_PORT = 80;

/** The DC table, by network and address family. */
export const TELEGRAM_DCS: {
  readonly prod: Readonly<Record<number, string>>;
  readonly prodMedia: Readonly<Record<number, string>>;
  readonly test: Readonly<Record<number, string>>;
  readonly prodIpv6: Readonly<Record<number, string>>;
  readonly testIpv6: Readonly<Record<number, string>>;
} = Object.freeze({
  prod: Object.freeze({
    1: "149.154.175.53",
    2: "149.154.167.51",
    3: "149.154.175.100",
    4: "149.154.167.91",
    5: "91.108.56.130",
    203: "91.105.192.100",
  }),
  prodMedia: Object.freeze({ 2: "149.154.167.151", 4: "149.154.164.250" }),
  test: Object.freeze({ 1: "149.154.175.10", 2: "149.154.167.40", 3: "149.154.175.117" }),
  prodIpv6: Object.freeze({
    1: "2001:b28:f23d:f001::a",
    2: "2001:67c:4e8:f002::a",
    3: "2001:b28:f23d:f003::a",
    4: "2001:67c:4e8:f004::a",
    5: "2001:b28:f23f:f005::a",
    203: "2a0a:f280:203:a:5000::100",
  }),
  testIpv6: Object.freeze({
    1: "2001:b28:f23d:f001::e",
    2: "2001:67c:4e8:f002::e",
    3: "2001:b28:f23d:f003::e",
  }),
});

/** Whether `dcId` names a DC of the production (`testMode` false) or test network. */
export function isKnownDc(dcId: number, testMode: boolean): boolean {
  const table = testMode ? TELEGRAM_DCS.test : TELEGRAM_DCS.prod;
  return Object.hasOwn(table, dcId);
}

/**
 * The address of a DC, or `undefined` for an unknown one.
 *
 * @example
 * ```ts
 * dcAddress(2, false); // { host: "149.154.167.51", port: 443 }
 * ```
 */
export function dcAddress(
  dcId: number,
  testMode: boolean,
  options: { ipv6?: boolean; media?: boolean } = {},
): DcAddress | undefined {
  if (!isKnownDc(dcId, testMode)) return undefined;
  const port = testMode ? TEST_PORT : PRODUCTION_PORT;
  if (testMode) {
    const table = options.ipv6 ? TELEGRAM_DCS.testIpv6 : TELEGRAM_DCS.test;
    return { host: table[dcId], port };
  }
  if (options.ipv6) return { host: TELEGRAM_DCS.prodIpv6[dcId], port };
  const media = options.media ? TELEGRAM_DCS.prodMedia[dcId] : undefined;
  return { host: media ?? TELEGRAM_DCS.prod[dcId], port };
}

/** Whether `host` is one of the test network's addresses (IPv4 or IPv6). */
export function isTestDcHost(host: string): boolean {
  return Object.values(TELEGRAM_DCS.test).includes(host) ||
    Object.values(TELEGRAM_DCS.testIpv6).includes(host);
}
