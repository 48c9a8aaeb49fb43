/**
 * PGlite on a directory, with commits that survive a power loss, not only a crash of the process.
 *
 * As shipped, PGlite starts PostgreSQL with `-F` (fsync off), and the Node filesystem of its Emscripten runtime has no
 * fsync (`fdatasync` is a no-op, `fsync` finds no handler): a commit reaches the operating system's page cache and no
 * further. That survives `kill -9` but not a power cut or a kernel crash, while Charter acknowledges a consent or a
 * request only once it is committed. Here PostgreSQL keeps fsync on, syncs its WAL with fsync() (the call that reaches
 * the filesystem), and the filesystem's fsync is Node's fsyncSync on the file's descriptor.
 */
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** PGlite's own start parameters, without `-F`, and with the WAL synced by the one call that reaches the disk. */
export const durableStartParams: readonly string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** The part of an Emscripten stream that the Node filesystem gives: the real file descriptor. */
type NodeStream = { nfd?: number };
type NodeStreamOps = { fsync?: (stream: NodeStream) => number };

/** Counts the fsync calls that reached the disk, for the test that proves commits are synced. */
export const fsyncCount = { value: 0 };

/** PGlite's Node filesystem, with an fsync that reaches the disk. */
export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    preRun.push((mod) => {
      // Every stream of the filesystem shares this object, so the handler applies to files opened before and after.
      const ops = (mod.NODEFS as unknown as { stream_ops: NodeStreamOps }).stream_ops;
      ops.fsync = (stream) => {
        if (stream.nfd !== undefined) {
          fsyncSync(stream.nfd);
          fsyncCount.value++;
        }
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}
