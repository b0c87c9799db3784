import * as migration_20261124_013100_initial from './20261124_013100_initial';

export const migrations = [
  {
    up: migration_20261124_013100_initial.up,
    down: migration_20261124_013100_initial.down,
    name: '20261124_013100_initial'
  },
];
