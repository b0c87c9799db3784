<?php
/**
 * Plugin Name:       eTwinning Hub widgets
 * Description:       eTwinning statistics, news and events from an eTwinning Hub, as shortcodes and blocks that every role can place.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * License:           MIT
 * Text Domain:       etwinning-hub
 * Domain Path:       /languages
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

const VERSION     = '0.1.0';
const TEXT_DOMAIN = 'etwinning-hub';
const PLUGIN_FILE = __FILE__;

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/definitions.php';
require_once __DIR__ . '/includes/attributes.php';
require_once __DIR__ . '/includes/fallback.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/blocks.php';

add_action(
	'init',
	static function (): void {
		load_plugin_textdomain( TEXT_DOMAIN, false, dirname( plugin_basename( PLUGIN_FILE ) ) . '/languages' );
	},
	0
);
