import * as migration_20261124_010823 from './20261124_010823';

export const migrations = [
  {
    up: migration_20261124_010823.up,
    down: migration_20261124_010823.down,
    name: '20261124_010823'
  },
];
