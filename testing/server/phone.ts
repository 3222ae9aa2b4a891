/**
 * Phone numbers as the TestServer's world compares them. A module of its own so that the method
 * handlers (imported by the world) need nothing at run time from the world module: no import
 * cycle.
 *
 * @module
 */

/** Digits only, as Telegram compares phone numbers. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, "");
}
