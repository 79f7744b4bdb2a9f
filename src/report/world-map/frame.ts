/**
 * The projection of a map panel. Mercator, because the corridor is mostly a west-east band
 * between 20° and 55° N where Mercator keeps shapes (the Caspian, the Black Sea, the Bosporus)
 * true and stretches Europe just enough to separate its crowded terminals; a conic projection
 * would bend the Cape route's southern end out of shape. Panels are fitted to a box of longitude
 * and latitude, and everything outside it is clipped.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';

/** A point in longitude and latitude, degrees (east and north positive). */
export interface GeoPoint {
  readonly lon: number;
  readonly lat: number;
}

/** A box of longitude and latitude, degrees. */
export interface GeoBox {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** A projected panel: its projection (degrees to pixels) and its size in pixels. */
export interface Frame {
  readonly projection: GeoProjection;
  readonly width: number;
  readonly height: number;
  readonly box: GeoBox;
}

/** The smallest box holding `points`, widened by `padLon` and `padLat` degrees (latitude kept within ±80°). */
export function boxAround(points: readonly GeoPoint[], padLon: number, padLat: number): GeoBox {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  return {
    west: Math.min(...lons) - padLon,
    east: Math.max(...lons) + padLon,
    south: Math.max(-80, Math.min(...lats) - padLat),
    north: Math.min(80, Math.max(...lats) + padLat),
  };
}

/** A Mercator panel `width` pixels wide showing exactly `box` (its height follows from the projection). */
export function mercatorFrame(box: GeoBox, width: number): Frame {
  // Corners only: in Mercator parallels and meridians are straight, so they bound the box exactly.
  const corners = { type: 'MultiPoint' as const, coordinates: [[box.west, box.south], [box.east, box.south], [box.west, box.north], [box.east, box.north]] };
  const projection = geoMercator().fitWidth(width, corners);
  const [[, y0], [, y1]] = [projection([box.west, box.north]) ?? [0, 0], projection([box.west, box.south]) ?? [0, 0]];
  const height = Math.round(y1 - y0);
  projection.clipExtent([[0, 0], [width, height]]);
  return { projection, width, height, box };
}

/** `point` in pixels of `frame`, or undefined where the projection has no image. */
export function project(frame: Frame, point: GeoPoint): [number, number] | undefined {
  const xy = frame.projection([point.lon, point.lat]);
  return xy === null ? undefined : [xy[0], xy[1]];
}
