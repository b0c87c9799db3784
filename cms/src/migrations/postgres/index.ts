import * as migration_20261124_010830 from './20261124_010830';

export const migrations = [
  {
    up: migration_20261124_010830.up,
    down: migration_20261124_010830.down,
    name: '20261124_010830'
  },
];
