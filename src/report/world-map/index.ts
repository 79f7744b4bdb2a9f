/**
 * The report's world map (see compose.ts for the layout):
 *
 *     import { worldMapFigure } from './src/report/world-map/index.ts';
 *     const figure = worldMapFigure(readRunFolder(runDir)); // { svg, reading } or null without positions
 */
export { MAIN_TOP, MAP_WIDTH, mainFrame, worldMapSvg } from './compose.ts';
export { WORLD_MAP_READING, worldMapFigure, worldMapInput } from './from-run.ts';
export type { MapLeg, MapNode, MapScenario, StageValues, WorldMapInput } from './types.ts';
