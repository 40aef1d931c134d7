import type { AnyRule } from '../core/types';
import { logGroupNoRetention } from './log-group-no-retention';
import { spotNoCheckpoint } from './spot-no-checkpoint';
import { spotNoMaxWait } from './spot-no-max-wait';
import { trainingNoSpot } from './training-no-spot';
import { tuningExhaustiveSearch } from './tuning-exhaustive-search';
import { tuningNoEarlyStopping } from './tuning-no-early-stopping';

/** Every rule, in id order. Adding a rule: its file, this line, a test, a fixture and a doc page. */
export const allRules: readonly AnyRule[] = [tuningExhaustiveSearch, tuningNoEarlyStopping, trainingNoSpot, spotNoCheckpoint, spotNoMaxWait, logGroupNoRetention];
