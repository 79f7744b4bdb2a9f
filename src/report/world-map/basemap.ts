/**
 * Countries for the map, read at report time from the `world-atlas` package in node_modules
 * (Natural Earth, public domain) and converted from TopoJSON with `topojson-client`, so the
 * report needs no network and ships no map data of its own. Dependencies, each pinned exactly:
 * - `world-atlas`: the country shapes as TopoJSON (1:50m and 1:110m scales) in a package, so the
 *   lockfile fixes the geography a report was drawn with.
 * - `topojson-client`: TopoJSON to GeoJSON (`feature`), the format d3-geo projects.
 * - `d3-geo`: projections and SVG path strings (see frame.ts, panel.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Natural Earth scale of the shapes: 1:50m for a map about 1,000 px wide, 1:110m for thumbnails. */
export type AtlasScale = '50m' | '110m';

/** A country: its name (Natural Earth's) and outline in longitude and latitude (degrees). */
export type Country = Feature<Geometry, { readonly name: string }>;

const cache = new Map<AtlasScale, readonly Country[]>();

/** The countries of the world at `scale` (read and converted once per process). */
export function countries(scale: AtlasScale = '50m'): readonly Country[] {
  const known = cache.get(scale);
  if (known !== undefined) return known;
  // Resolved like an import, so it works from any current directory and from an installed package.
  const file = createRequire(import.meta.url).resolve(`world-atlas/countries-${scale}.json`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const out = collection.features.map((f): Country => ({ ...f, properties: { name: f.properties?.name ?? '' } }));
  cache.set(scale, out);
  return out;
}
