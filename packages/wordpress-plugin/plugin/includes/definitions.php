<?php
/**
 * The widgets the plugin places, read once from widgets.json.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

/**
 * Every widget, keyed by name (`stats`): `tag`, `shortcode` (`etw_stats`), `block`
 * (`etwinning-hub/stats`), `fallback` and `attributes` (its own, then the common ones), each
 * attribute with `type` or `enum`, `label` and optional `help`, `min`, `max`.
 *
 * @return array<string, array<string, mixed>>
 */
function widgets(): array {
	static $widgets = null;
	if ( null !== $widgets ) {
		return $widgets;
	}
	$data    = json_decode( (string) file_get_contents( dirname( PLUGIN_FILE ) . '/widgets.json' ), true );
	$widgets = array();
	foreach ( $data['widgets'] as $widget ) {
		$widget['shortcode']        = 'etw_' . str_replace( '-', '_', $widget['name'] );
		$widget['block']            = 'etwinning-hub/' . $widget['name'];
		$widget['attributes']       = $widget['attributes'] + $data['common'];
		$widgets[ $widget['name'] ] = $widget;
	}
	return $widgets;
}

/** The widget whose shortcode is `$shortcode`, or null. */
function widget_by_shortcode( string $shortcode ): ?array {
	foreach ( widgets() as $widget ) {
		if ( $widget['shortcode'] === $shortcode ) {
			return $widget;
		}
	}
	return null;
}
