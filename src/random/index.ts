export { createStream, deriveStreamSeed, RandomStreams, replicationSeed } from './random-stream.ts';
export type { RandomStream, Seed } from './random-stream.ts';
