/**
 * Two real Syncthing instances (Debian's `syncthing`) on loopback, each syncing its own copy of one library folder:
 * for tests that a library survives a real sync tool. Nothing reaches past 127.0.0.1: global and local discovery,
 * relays, NAT, STUN, usage and crash reporting and upgrades are all off, and the two devices know each other by id
 * and a `tcp://127.0.0.1:PORT` address. Intervals are as short as Syncthing takes them: a pair starts and connects
 * in about a second, and a small file crosses in about 100 ms.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './run-tool.js';
import { syncthingDeviceId } from './syncthing-device-id.js';

/** Where Debian installs Syncthing; SHELFMARK_SYNCTHING points elsewhere. */
export const SYNCTHING = process.env['SHELFMARK_SYNCTHING'] ?? '/usr/bin/syncthing';

/** The id both instances give the shared folder. */
const FOLDER_ID = 'shelfmark-library';

/** How often each instance rescans the whole folder besides watching it (seconds). */
const RESCAN_INTERVAL_S = 2;

/** How long a pair may take to start and connect before the harness starts a new pair (at most three in all). */
const START_TIMEOUT_MS = 12_000;
const START_ATTEMPTS = 3;

/** How long two instances whose folders resumed may take to connect again. */
const RECONNECT_TIMEOUT_MS = 60_000;

/** How long `waitInSync` waits unless told otherwise. */
const SYNC_TIMEOUT_MS = 15_000;

const POLL_MS = 50;

/** How long a REST call may take; a scan, which answers when it is done, longer. */
const REQUEST_TIMEOUT_MS = 3_000;
const SCAN_TIMEOUT_MS = 30_000;

/** The state `/rest/db/status` gives a folder that is not running: none. */
const PAUSED = '';

/** `/rest/db/status` of a folder, the fields the harness reads. */
interface FolderStatus {
  readonly state: string;
  readonly needFiles: number;
  readonly needDeletes: number;
  readonly needTotalItems: number;
  readonly globalFiles: number;
  readonly globalDeleted: number;
  readonly pullErrors: number;
}

/** `/rest/db/completion`: how complete the peer's copy is, as this instance knows it. */
interface Completion {
  readonly completion: number;
  readonly needItems: number;
}

interface SyncthingInstance {
  /** `A` or `B`, for messages. */
  readonly name: string;
  /** Its copy of the library folder. */
  readonly folder: string;
  /** Its Syncthing device id. */
  readonly deviceId: string;
  /** The base of its REST API, `http://127.0.0.1:PORT`. */
  readonly apiBase: string;
  /** GET a REST endpoint (`/rest/...`) as JSON. */
  get<T>(path: string): Promise<T>;
  /** Rescans its folder now and waits for the scan to end (nothing, while its folder is paused). */
  scan(): Promise<void>;
  /**
   * Pauses or resumes its folder, as a computer out of reach: it neither scans nor sends nor takes anything. What
   * is written meanwhile is scanned when the folder resumes, before anything is pulled.
   */
  setPaused(paused: boolean): Promise<void>;
  /** Its log so far (the last lines), for a failure's message. */
  log(): string;
}

export interface SyncthingPair {
  readonly a: SyncthingInstance;
  readonly b: SyncthingInstance;
  /** How long the pair took to start and connect, in milliseconds. */
  readonly startMs: number;
  /** Rescans both folders now (what each has written becomes known to the other). */
  readonly scan: () => Promise<void>;
  /**
   * Scans both sides, then waits until each has everything the other has: both folders idle, neither needing a file,
   * each seeing the other's copy complete, and both agreeing on the folder's global state. Rejects after `timeoutMs`
   * saying which side is behind and how.
   */
  readonly waitInSync: (timeoutMs?: number) => Promise<void>;
  /**
   * Pauses both folders: the two exchange nothing until `resume`, as two computers out of each other's reach. (The
   * folders pause, not the devices: a paused device, resumed, reconnects only at Syncthing's next dial, seconds on.)
   * `resume` returns once the two are connected again.
   */
  readonly pause: () => Promise<void>;
  readonly resume: () => Promise<void>;
  /** Kills both instances and removes every folder the pair made. Safe to call twice. */
  readonly stop: () => Promise<void>;
}

export function syncthingInstalled(): boolean {
  return existsSync(SYNCTHING);
}

/** Every Syncthing process started and not yet gone, and every pair's folder not yet removed. */
const running = new Set<ChildProcess>();
const roots = new Set<string>();
let reaping = false;

/**
 * Kills every instance when the test process ends, however it ends but SIGKILL: a failed test's pair is stopped by
 * its `afterAll`, a worker that exits or is interrupted takes its instances with it.
 */
function reapOnExit(): void {
  if (reaping) return;
  reaping = true;
  const killAll = () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
    for (const root of roots) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      // Die of the signal as the process would have, unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** `count` distinct free ports on 127.0.0.1 (held open together, so they differ, then released). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => {
            resolve(server);
          });
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port for a loopback server');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

interface Side {
  readonly name: string;
  readonly home: string;
  readonly folder: string;
  readonly deviceId: string;
  readonly apiKey: string;
  readonly guiPort: number;
  readonly listenPort: number;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The whole config.xml of one side: one folder shared with the peer at its loopback address, nothing further off. */
function configXml(self: Side, peer: Side): string {
  const device = (side: Side, address: string) =>
    `  <device id="${side.deviceId}" name="${side.name}" compression="metadata" introducer="false">\n` +
    `    <address>${address}</address>\n    <paused>false</paused>\n    <autoAcceptFolders>false</autoAcceptFolders>\n` +
    `  </device>`;
  const options: Record<string, string | number | boolean> = {
    listenAddress: `tcp://127.0.0.1:${self.listenPort}`,
    globalAnnounceEnabled: false,
    localAnnounceEnabled: false,
    relaysEnabled: false,
    natEnabled: false,
    stunKeepaliveStartS: 0,
    announceLANAddresses: false,
    startBrowser: false,
    urAccepted: -1,
    urInitialDelayS: 86400,
    crashReportingEnabled: false,
    autoUpgradeIntervalH: 0,
    reconnectionIntervalS: 5, // The least Syncthing takes.
    progressUpdateIntervalS: 1,
    setLowPriority: false,
    restartOnWakeup: false,
    keepTemporariesH: 1,
  };
  return [
    '<configuration version="36">',
    `  <folder id="${FOLDER_ID}" label="Shelfmark library" path="${xmlEscape(self.folder)}" type="sendreceive"` +
      ` rescanIntervalS="${RESCAN_INTERVAL_S}" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false"` +
      ` autoNormalize="true">`,
    '    <filesystemType>basic</filesystemType>',
    `    <device id="${self.deviceId}"></device>`,
    `    <device id="${peer.deviceId}"></device>`,
    '    <minDiskFree unit="%">0</minDiskFree>',
    '    <pullerPauseS>1</pullerPauseS>',
    // What a folder's element leaves out is zero, not Syncthing's default: 0 conflicts would drop the losing edit.
    '    <maxConflicts>10</maxConflicts>',
    '    <order>random</order>',
    '    <markerName>.stfolder</markerName>',
    '  </folder>',
    device(self, 'dynamic'),
    device(peer, `tcp://127.0.0.1:${peer.listenPort}`),
    '  <gui enabled="true" tls="false" debugging="false">',
    `    <address>127.0.0.1:${self.guiPort}</address>`,
    `    <apikey>${self.apiKey}</apikey>`,
    '  </gui>',
    '  <options>',
    ...Object.entries(options).map(([key, value]) => `    <${key}>${String(value)}</${key}>`),
    '    <minHomeDiskFree unit="%">0</minHomeDiskFree>',
    '  </options>',
    '</configuration>',
    '',
  ].join('\n');
}

/**
 * The environment Syncthing runs in: no upgrades, HOME inside the pair's folder, no monitor process (Syncthing runs
 * itself as a child of a monitor unless told, by STMONITORED, that it already is one), and Go's own SHA-256 (else it
 * spends a second at each start measuring which hashing code is faster).
 */
function syncthingEnv(home: string): NodeJS.ProcessEnv {
  const { PATH, LANG } = process.env;
  return {
    PATH,
    LANG,
    HOME: home,
    STMONITORED: 'yes',
    STNORESTART: '1',
    STNOUPGRADE: '1',
    STNODEFAULTFOLDER: '1',
    STHASHING: 'standard',
  };
}

/** Makes one side's keys, and its folder with Syncthing's marker in it. */
async function prepareSide(root: string, name: string, guiPort: number, listenPort: number): Promise<Side> {
  const home = join(root, name, 'syncthing');
  const folder = join(root, name, 'library');
  await mkdir(join(folder, '.stfolder'), { recursive: true });
  await runTool(SYNCTHING, ['generate', `--home=${home}`], { env: syncthingEnv(home) });
  const deviceId = syncthingDeviceId(await readFile(join(home, 'cert.pem'), 'utf8'));
  return { name, home, folder, deviceId, apiKey: randomBytes(16).toString('hex'), guiPort, listenPort };
}

/** The last `lines` lines of a log kept by a process. */
function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}

class Instance implements SyncthingInstance {
  readonly apiBase: string;
  private output = '';
  private exited: string | null = null;
  private paused = false;

  constructor(
    private readonly side: Side,
    readonly child: ChildProcess,
  ) {
    this.apiBase = `http://127.0.0.1:${side.guiPort}`;
    const keep = (chunk: Buffer) => {
      this.output = tail(this.output + chunk.toString(), 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      running.delete(child);
      this.exited = `exited with ${signal ?? String(code)}`;
    });
  }

  get name(): string {
    return this.side.name;
  }
  get folder(): string {
    return this.side.folder;
  }
  get deviceId(): string {
    return this.side.deviceId;
  }

  log(): string {
    return tail(this.output);
  }

  private async request(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    { body, timeoutMs = REQUEST_TIMEOUT_MS }: { body?: unknown; timeoutMs?: number } = {},
  ): Promise<Response> {
    if (this.exited !== null) throw new Error(`syncthing ${this.name} ${this.exited}:\n${this.log()}`);
    const response = await fetch(this.apiBase + path, {
      method,
      headers: { 'X-API-Key': this.side.apiKey, 'Content-Type': 'application/json' },
      // Something else on the port (taken between finding it free and Syncthing's start) may never answer.
      signal: AbortSignal.timeout(timeoutMs),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`syncthing ${this.name}: ${method} ${path} answered ${response.status} ${await response.text()}`);
    }
    return response;
  }

  async get<T>(path: string): Promise<T> {
    return (await (await this.request('GET', path)).json()) as T;
  }

  async scan(): Promise<void> {
    if (this.paused) return;
    const scanned = await this.request('POST', `/rest/db/scan?folder=${FOLDER_ID}`, { timeoutMs: SCAN_TIMEOUT_MS });
    await scanned.arrayBuffer();
  }

  async setPaused(paused: boolean): Promise<void> {
    await (await this.request('PATCH', `/rest/config/folders/${FOLDER_ID}`, { body: { paused } })).arrayBuffer();
    this.paused = paused;
    await until(`Syncthing ${this.name} did not ${paused ? 'pause' : 'resume'}`, START_TIMEOUT_MS, async () => {
      const { state } = await this.status();
      return (state === PAUSED) === paused ? null : `its folder is ${state === PAUSED ? 'paused' : state}`;
    });
  }

  status(): Promise<FolderStatus> {
    return this.get<FolderStatus>(`/rest/db/status?folder=${FOLDER_ID}`);
  }

  /** How complete `peer`'s copy is, as this instance knows it. */
  completionOf(peer: SyncthingInstance): Promise<Completion> {
    return this.get<Completion>(`/rest/db/completion?folder=${FOLDER_ID}&device=${peer.deviceId}`);
  }

  async connectedTo(peer: SyncthingInstance): Promise<boolean> {
    const { connections } = await this.get<{ connections: Record<string, { connected: boolean } | undefined> }>(
      '/rest/system/connections',
    );
    return connections[peer.deviceId]?.connected === true;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function startInstance(side: Side): Instance {
  const child = spawn(
    SYNCTHING,
    // The least of options: the environment says the rest, in words every version of Syncthing 1.x takes.
    ['serve', `--home=${side.home}`, '--no-browser'],
    // A process group of its own, killed whole: whatever Syncthing starts goes with it.
    { env: syncthingEnv(side.home), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  running.add(child);
  return new Instance(side, child);
}

async function kill(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => {
    signalGroup(child, 'SIGKILL');
  }, 3_000);
  await exited;
  clearTimeout(timer);
}

/** A port found free was taken before Syncthing could listen on it. */
class PortTaken extends Error {}

/**
 * Two instances that never dialled each other in time: now and then (twice in one CI run of hundreds) a pair sits
 * unconnected with nothing in either log; a new pair has always connected within a second.
 */
class NeverConnected extends Error {}

const portTaken = (instances: readonly Instance[]) =>
  instances.some((instance) => /address already in use/.test(instance.log()));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives null (done) or `timeoutMs` passes; then rejects with the last reason it gave. */
async function until(what: string, timeoutMs: number, check: () => Promise<string | null>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let reason: string | null;
    try {
      reason = await check();
    } catch (error) {
      // An instance still starting refuses connections: that is a reason to wait, not to fail.
      reason = error instanceof Error ? error.message : String(error);
      if (error instanceof PortTaken || /exited with/.test(reason)) throw error;
    }
    if (reason === null) return;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms: ${reason}`);
    await sleep(POLL_MS);
  }
}

/** Why `self`'s copy of the folder is not complete yet, in words that name the side behind. */
async function behind(
  self: Instance,
  status: FolderStatus,
  peer: Instance,
  peerStatus: FolderStatus,
): Promise<string[]> {
  const reasons: string[] = [];
  if (status.state !== 'idle') reasons.push(`${self.name} is ${status.state === PAUSED ? 'paused' : status.state}`);
  if (status.needTotalItems > 0) {
    reasons.push(`${self.name} is behind: it needs ${status.needFiles} files and ${status.needDeletes} deletions`);
  }
  // A paused folder answers nothing about its peers.
  const seenByPeer = peerStatus.state === PAUSED ? null : await peer.completionOf(self);
  if (seenByPeer !== null && (seenByPeer.needItems > 0 || seenByPeer.completion < 100)) {
    reasons.push(
      `${self.name} is behind: ${peer.name} has ${seenByPeer.needItems} items it lacks ` +
        `(${seenByPeer.completion.toFixed(0)} % complete)`,
    );
  }
  if (status.pullErrors > 0) reasons.push(`${self.name} failed to pull ${status.pullErrors} files`);
  return reasons;
}

/** Why the two are not in sync yet (each reason naming the side behind), or null when they are. */
async function notInSync(a: Instance, b: Instance): Promise<string | null> {
  const [aStatus, bStatus, connected] = await Promise.all([a.status(), b.status(), a.connectedTo(b)]);
  const reasons = [...(await behind(a, aStatus, b, bStatus)), ...(await behind(b, bStatus, a, aStatus))];
  if (aStatus.globalFiles !== bStatus.globalFiles || aStatus.globalDeleted !== bStatus.globalDeleted) {
    reasons.push(`A and B do not agree on the folder yet (${aStatus.globalFiles} and ${bStatus.globalFiles} files)`);
  }
  if (!connected) reasons.push('A and B are not connected');
  return reasons.length === 0 ? null : reasons.join('; ');
}

/** The error, with both instances' logs after its message. */
function withLogs(error: unknown, a: Instance, b: Instance): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\n--- log of A ---\n${a.log()}\n--- log of B ---\n${b.log()}`, { cause: error });
}

/** Starts two connected instances sharing one folder; a side's files are in `pair.a.folder` and `pair.b.folder`. */
export async function startSyncthingPair(): Promise<SyncthingPair> {
  if (!syncthingInstalled()) {
    throw new Error(`syncthing is not installed (looked for ${SYNCTHING}); .ci/run installs Debian’s syncthing`);
  }
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const pair = await startPairOnce();
      return { ...pair, startMs: performance.now() - started };
    } catch (error) {
      // Ports are found free before Syncthing listens on them, and another process may take one in between.
      const again = error instanceof PortTaken || error instanceof NeverConnected;
      if (!again || attempt === START_ATTEMPTS) throw error;
    }
  }
}

async function startPairOnce(): Promise<SyncthingPair> {
  const root = await mkdtemp(join(tmpdir(), 'shelfmark-syncthing-'));
  roots.add(root);
  reapOnExit();
  const instances: Instance[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(instances.map(kill));
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
    roots.delete(root);
  };
  try {
    const [guiA = 0, guiB = 0, listenA = 0, listenB = 0] = await freePorts(4);
    const sideA = await prepareSide(root, 'A', guiA, listenA);
    const sideB = await prepareSide(root, 'B', guiB, listenB);
    await writeFile(join(sideA.home, 'config.xml'), configXml(sideA, sideB));
    await writeFile(join(sideB.home, 'config.xml'), configXml(sideB, sideA));
    const a = startInstance(sideA);
    const b = startInstance(sideB);
    instances.push(a, b);

    const connected = async (self: Instance, peer: Instance) =>
      (await self.connectedTo(peer)) ? null : `${self.name} has not connected to ${peer.name}`;
    try {
      await until('the two Syncthing instances did not connect', START_TIMEOUT_MS, async () => {
        if (portTaken(instances)) throw new PortTaken('a port was taken before Syncthing listened on it');
        return (await connected(a, b)) ?? (await connected(b, a));
      });
    } catch (error) {
      if (error instanceof PortTaken || portTaken(instances)) throw new PortTaken('a port was taken', { cause: error });
      throw new NeverConnected(withLogs(error, a, b).message, { cause: error });
    }

    const pair: SyncthingPair = {
      a,
      b,
      startMs: 0,
      scan: async () => {
        await Promise.all([a.scan(), b.scan()]);
      },
      waitInSync: async (timeoutMs = SYNC_TIMEOUT_MS) => {
        await pair.scan();
        let settled = 0;
        try {
          await until('Syncthing A and B were not in sync', timeoutMs, async () => {
            const reason = await notInSync(a, b);
            // Twice in a row: a change just scanned on one side may not have reached the other's view yet.
            settled = reason === null ? settled + 1 : 0;
            return settled >= 2 ? null : (reason ?? 'settling');
          });
        } catch (error) {
          throw withLogs(error, a, b);
        }
      },
      pause: async () => {
        await Promise.all([a.setPaused(true), b.setPaused(true)]);
      },
      resume: async () => {
        await Promise.all([a.setPaused(false), b.setPaused(false)]);
        // An index update that reaches a side still paused drops the connection; the two meet again only at
        // Syncthing's next dial, seconds on and more under load: resumed means connected again.
        try {
          await until('Syncthing A and B did not connect again after resuming', RECONNECT_TIMEOUT_MS, async () =>
            (await a.connectedTo(b)) && (await b.connectedTo(a)) ? null : 'not connected',
          );
        } catch (error) {
          throw withLogs(error, a, b);
        }
      },
      stop,
    };
    await pair.waitInSync(START_TIMEOUT_MS);
    return pair;
  } catch (error) {
    await stop();
    throw error;
  }
}
