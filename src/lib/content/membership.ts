import raw from 'virtual:csto-membership';
import { deepFreeze } from '../domain/freeze';
import type { Membership } from '../domain/bank/membership';
import type { MapState } from '../domain/bank/schema';
import type { AboutState } from './about-states';

const frozen = deepFreeze(raw);

/** questions/membership.yaml, validated at build time and frozen: the Members page's one source. */
export const MEMBERSHIP: Membership = frozen.membership;

/** The states drawn on the map, alphabetical, with their neighbours. */
export const MAP_STATES: readonly MapState[] = frozen.mapStates;

/** The bank items that name each state (the first few, and how many), by state id. */
export const ABOUT: Readonly<Record<string, AboutState>> = frozen.about;
