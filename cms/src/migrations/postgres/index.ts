import * as migration_20261124_013100_initial from './20261124_013100_initial';
import * as migration_20261124_030322_audit_log_statistics_writer from './20261124_030322_audit_log_statistics_writer';

export const migrations = [
  {
    up: migration_20261124_013100_initial.up,
    down: migration_20261124_013100_initial.down,
    name: '20261124_013100_initial',
  },
  {
    up: migration_20261124_030322_audit_log_statistics_writer.up,
    down: migration_20261124_030322_audit_log_statistics_writer.down,
    name: '20261124_030322_audit_log_statistics_writer'
  },
];
