import * as migration_20261124_013100_initial from './20261124_013100_initial';
import * as migration_20261124_030322_audit_log_statistics_writer from './20261124_030322_audit_log_statistics_writer';
import * as migration_20261201_084840_webhooks_event_time_zones from './20261201_084840_webhooks_event_time_zones';
import * as migration_20261201_085338_reader_links from './20261201_085338_reader_links';
import * as migration_20261201_152746_statistics_import from './20261201_152746_statistics_import';
import * as migration_20261201_153000_search_index from './20261201_153000_search_index';
import * as migration_20261201_190000_search_reindex_job from './20261201_190000_search_reindex_job';
import * as migration_20261201_233000_search_recent_index from './20261201_233000_search_recent_index';
import * as migration_20261202_013000_search_words from './20261202_013000_search_words';
import * as migration_20261202_060000_search_scope from './20261202_060000_search_scope';

export const migrations = [
  {
    up: migration_20261124_013100_initial.up,
    down: migration_20261124_013100_initial.down,
    name: '20261124_013100_initial',
  },
  {
    up: migration_20261124_030322_audit_log_statistics_writer.up,
    down: migration_20261124_030322_audit_log_statistics_writer.down,
    name: '20261124_030322_audit_log_statistics_writer',
  },
  {
    up: migration_20261201_084840_webhooks_event_time_zones.up,
    down: migration_20261201_084840_webhooks_event_time_zones.down,
    name: '20261201_084840_webhooks_event_time_zones',
  },
  {
    up: migration_20261201_085338_reader_links.up,
    down: migration_20261201_085338_reader_links.down,
    name: '20261201_085338_reader_links',
  },
  {
    up: migration_20261201_152746_statistics_import.up,
    down: migration_20261201_152746_statistics_import.down,
    name: '20261201_152746_statistics_import'
  },
  {
    up: migration_20261201_153000_search_index.up,
    down: migration_20261201_153000_search_index.down,
    name: '20261201_153000_search_index'
  },
  {
    up: migration_20261201_190000_search_reindex_job.up,
    down: migration_20261201_190000_search_reindex_job.down,
    name: '20261201_190000_search_reindex_job'
  },
  {
    up: migration_20261201_233000_search_recent_index.up,
    down: migration_20261201_233000_search_recent_index.down,
    name: '20261201_233000_search_recent_index'
  },
  {
    up: migration_20261202_013000_search_words.up,
    down: migration_20261202_013000_search_words.down,
    name: '20261202_013000_search_words'
  },
  {
    up: migration_20261202_060000_search_scope.up,
    down: migration_20261202_060000_search_scope.down,
    name: '20261202_060000_search_scope'
  },
];
