import * as migration_20261124_013052_initial from './20261124_013052_initial';
import * as migration_20261124_030317_audit_log_statistics_writer from './20261124_030317_audit_log_statistics_writer';
import * as migration_20261201_084818_webhooks_event_time_zones from './20261201_084818_webhooks_event_time_zones';
import * as migration_20261201_085314_reader_links from './20261201_085314_reader_links';
import * as migration_20261201_152702_statistics_import from './20261201_152702_statistics_import';
import * as migration_20261201_153000_search_index from './20261201_153000_search_index';
import * as migration_20261202_013000_search_prefix_indexes from './20261202_013000_search_prefix_indexes';

export const migrations = [
  {
    up: migration_20261124_013052_initial.up,
    down: migration_20261124_013052_initial.down,
    name: '20261124_013052_initial',
  },
  {
    up: migration_20261124_030317_audit_log_statistics_writer.up,
    down: migration_20261124_030317_audit_log_statistics_writer.down,
    name: '20261124_030317_audit_log_statistics_writer',
  },
  {
    up: migration_20261201_084818_webhooks_event_time_zones.up,
    down: migration_20261201_084818_webhooks_event_time_zones.down,
    name: '20261201_084818_webhooks_event_time_zones',
  },
  {
    up: migration_20261201_085314_reader_links.up,
    down: migration_20261201_085314_reader_links.down,
    name: '20261201_085314_reader_links',
  },
  {
    up: migration_20261201_152702_statistics_import.up,
    down: migration_20261201_152702_statistics_import.down,
    name: '20261201_152702_statistics_import'
  },
  {
    up: migration_20261201_153000_search_index.up,
    down: migration_20261201_153000_search_index.down,
    name: '20261201_153000_search_index'
  },
  {
    up: migration_20261202_013000_search_prefix_indexes.up,
    down: migration_20261202_013000_search_prefix_indexes.down,
    name: '20261202_013000_search_prefix_indexes'
  },
];
