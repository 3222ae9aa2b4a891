/** How the client benchmark's peer libraries reach the TestServer. */

/** What a peer library needs to reach the TestServer (JSON, handed to child processes). */
export interface Target {
  apiId: number;
  apiHash: string;
  dcs: { id: number; host: string; port: number }[];
  pem: string;
  fingerprint: string;
}
