/**
 * The kinds of node and leg, one line each. Everything else (the file schema, the compiler, the
 * runtime network, `validate`'s summary, the map) reads the kinds from here, so a new kind is
 * one folder under src/corridor/kinds/ and one line below.
 */
import { z } from 'zod';
import { ferryKind } from './ferry/index.ts';
import type { KindModule } from './kind.ts';
import { railKind } from './rail/index.ts';
import { seaKind } from './sea/index.ts';
import { terminalKind } from './terminal/index.ts';
import { yardKind } from './yard/index.ts';

/** Kinds of node (places that handle containers or trains). */
export const NODE_KINDS = { terminal: terminalKind, yard: yardKind } as const;
/** Kinds of leg (links that carry them between two nodes). */
export const LEG_KINDS = { rail: railKind, ferry: ferryKind, sea: seaKind } as const;

type SpecOf<M> = M extends KindModule<infer S, infer _C> ? S : never;
type CompiledOf<M> = M extends KindModule<infer _S, infer C> ? C : never;

/** A node of a model file. */
export type NodeSpec = { [K in keyof typeof NODE_KINDS]: SpecOf<(typeof NODE_KINDS)[K]> }[keyof typeof NODE_KINDS];
/** A leg of a model file. */
export type LegSpec = { [K in keyof typeof LEG_KINDS]: SpecOf<(typeof LEG_KINDS)[K]> }[keyof typeof LEG_KINDS];
/** A node of a compiled model. */
export type CompiledNode = { [K in keyof typeof NODE_KINDS]: CompiledOf<(typeof NODE_KINDS)[K]> }[keyof typeof NODE_KINDS];
/** A leg of a compiled model. */
export type CompiledLeg = { [K in keyof typeof LEG_KINDS]: CompiledOf<(typeof LEG_KINDS)[K]> }[keyof typeof LEG_KINDS];
/** The name of a node kind. */
export type NodeKindName = keyof typeof NODE_KINDS;
/** The name of a leg kind. */
export type LegKindName = keyof typeof LEG_KINDS;
/** The name of any kind (as stages report it). */
export type KindName = NodeKindName | LegKindName;

/** The module of a node kind, typed for any node. */
export function nodeKind(kind: NodeKindName): KindModule<NodeSpec, CompiledNode> {
  return NODE_KINDS[kind];
}

/** The module of a leg kind, typed for any leg. */
export function legKind(kind: LegKindName): KindModule<LegSpec, CompiledLeg> {
  return LEG_KINDS[kind];
}

/** The module of any kind, by name (undefined for an unknown name). */
export function anyKind(kind: string): KindModule<NodeSpec, CompiledNode> | KindModule<LegSpec, CompiledLeg> | undefined {
  if (Object.hasOwn(NODE_KINDS, kind)) return nodeKind(kind as NodeKindName);
  if (Object.hasOwn(LEG_KINDS, kind)) return legKind(kind as LegKindName);
  return undefined;
}

// zod needs its discriminated union's members as a tuple type; the registry gives them as a
// record, so the tuple is asserted here, the one place that knows both.
type Members = [z.ZodObject, ...z.ZodObject[]];
/** The file schema of a node: one member per node kind, told apart by `kind`. */
export const nodeSchema = z.discriminatedUnion('kind', Object.values(NODE_KINDS).map((k) => k.schema) as unknown as Members) as unknown as z.ZodType<NodeSpec>;
/** The file schema of a leg: one member per leg kind, told apart by `kind`. */
export const legSchema = z.discriminatedUnion('kind', Object.values(LEG_KINDS).map((k) => k.schema) as unknown as Members) as unknown as z.ZodType<LegSpec>;
