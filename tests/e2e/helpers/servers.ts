// Real servers on loopback for the deliver-stage tests: an IPP Everywhere printer (CUPS's
// ippeveprinter) and an OpenSSH sftp server, each in its own temp folder, stopped by the test.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface RunningServer {
  stop(): Promise<void>;
}

export interface IppPrinter extends RunningServer {
  uri: string;
  /** ippeveprinter keeps each job's document here as `<job-id>-<job-name>.pdf` (-k). */
  spoolDir: string;
  /** The job's IPP attributes as the printer handed them to its print command (IPP_COPIES=2…). */
  jobEnvFile(jobId: number): string;
}

export interface SftpServer extends RunningServer {
  port: number;
  /** A second port on the same server where every write is refused (sftp-server -P write). */
  failingWritePort: number;
  username: string;
  /** An empty folder to deliver into. */
  hotDir: string;
  clientKeyPath: string;
  /** As `ssh-keygen -lf` prints it: SHA256:… */
  hostKeyFingerprint: string;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * ippeveprinter needs the system D-Bus even with DNS-SD advertising off (`-r off`): it creates an
 * Avahi client at start and exits with "Unable to initialize DNS-SD" when the bus is missing.
 * The avahi daemon itself is not needed, so no mDNS packets leave the machine.
 */
export async function ensureSystemDbus(): Promise<void> {
  const socket = "/run/dbus/system_bus_socket";
  if (await canConnect(socket)) return;
  await mkdir("/run/dbus", { recursive: true });
  // Left behind by a bus that was killed: dbus-daemon refuses to start over them.
  await rm(socket, { force: true });
  await rm("/run/dbus/pid", { force: true });
  await run("dbus-daemon", ["--system", "--fork"]);
  for (let i = 0; i < 50 && !(await canConnect(socket)); i++) await sleep(100);
  if (!(await canConnect(socket))) throw new Error("the system D-Bus did not start");
}

export async function startIppPrinter(): Promise<IppPrinter> {
  await ensureSystemDbus();
  const root = await mkdtemp(join(tmpdir(), "newsprint-ipp-"));
  const spoolDir = join(root, "spool");
  await mkdir(spoolDir);
  // The printer's print command (-c): runs once per job, so jobs finish at once instead of after
  // ippeveprinter's simulated 5–15 s; it records the job attributes; a job whose name contains
  // "jam" fails the way a jammed press would, so the test sees a real aborted job; "slow" takes 3 s.
  const hook = join(root, "print-command.sh");
  await writeFile(
    hook,
    [
      "#!/bin/sh",
      `env | grep '^IPP_' | sort > "${root}/job-$IPP_JOB_ID.env"`,
      'case "$IPP_JOB_NAME" in',
      '  *jam*) echo "STATE: +media-jam" >&2; echo "ERROR: paper jam in unit 2" >&2; exit 1;;',
      "  *slow*) sleep 3;;",
      "esac",
      "",
    ].join("\n"),
  );
  await chmod(hook, 0o755);
  const port = await freePort();
  const args = ["-r", "off", "-2", "-k", "-d", spoolDir, "-c", hook, "-f", "application/pdf", "-p", String(port)];
  const child = spawn("ippeveprinter", [...args, "newsprint-test"], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = await started(child, port, "ippeveprinter", root);
  return {
    uri: `ipp://127.0.0.1:${port}/ipp/print`,
    spoolDir,
    jobEnvFile: (jobId) => join(root, `job-${jobId}.env`),
    stop,
  };
}

export async function startSftpServer(): Promise<SftpServer> {
  const root = await mkdtemp(join(tmpdir(), "newsprint-sftp-"));
  const hostKey = join(root, "host_ed25519");
  const clientKeyPath = join(root, "client_ed25519");
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "newsprint-test-host", "-f", hostKey]);
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "newsprint-test-client", "-f", clientKeyPath]);
  const { stdout } = await run("ssh-keygen", ["-l", "-E", "sha256", "-f", `${hostKey}.pub`]);
  const hostKeyFingerprint = stdout.split(" ")[1] ?? "";
  await run("cp", [`${clientKeyPath}.pub`, join(root, "authorized_keys")]);
  const hotDir = join(root, "hot");
  await mkdir(hotDir);
  // sshd's privilege separation folder; absent until the ssh service has run once.
  await mkdir("/run/sshd", { recursive: true, mode: 0o755 }).catch(() => undefined);
  const [port, failingWritePort] = [await freePort(), await freePort()];
  const config = join(root, "sshd_config");
  await writeFile(
    config,
    [
      `Port ${port}`,
      `Port ${failingWritePort}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${join(root, "authorized_keys")}`,
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "StrictModes no",
      "UsePAM no",
      `PidFile ${join(root, "sshd.pid")}`,
      "Subsystem sftp internal-sftp",
      `Match LocalPort ${failingWritePort}`,
      "  ForceCommand internal-sftp -P write",
      "",
    ].join("\n"),
  );
  const child = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  const stop = await started(child, port, "sshd", root);
  return {
    port,
    failingWritePort,
    username: userInfo().username,
    hotDir,
    clientKeyPath,
    hostKeyFingerprint,
    stop,
  };
}

export interface SshAgent extends RunningServer {
  /** For SSH_AUTH_SOCK. */
  socket: string;
}

/** A real ssh-agent holding one key, as a desktop session or CI runner would have. */
export async function startSshAgent(keyPath: string): Promise<SshAgent> {
  const root = await mkdtemp(join(tmpdir(), "newsprint-agent-"));
  const socket = join(root, "agent.sock");
  const child = spawn("ssh-agent", ["-D", "-a", socket], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, sleep(5000)]);
    await rm(root, { recursive: true, force: true });
  };
  for (let i = 0; i < 50 && !(await canConnect(socket)); i++) await sleep(100);
  try {
    await run("ssh-add", ["-q", keyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
  } catch (error) {
    await stop();
    throw error;
  }
  return { socket, stop };
}

/** Waits until the server accepts connections (or `ready` says so); returns how to stop it and
 *  remove its folder. */
export async function started(
  child: ChildProcess,
  port: number,
  name: string,
  root: string,
  ready: () => Promise<boolean> = () => canConnect({ port, host: "127.0.0.1" }),
): Promise<() => Promise<void>> {
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000); // the end holds why it failed
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, sleep(5000)]);
    await rm(root, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await ready()) return stop;
    await sleep(100);
  }
  await stop();
  throw new Error(`${name} did not start on port ${port}:\n${log}`);
}

function canConnect(target: string | { port: number; host: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = typeof target === "string" ? connect(target) : connect(target.port, target.host);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
