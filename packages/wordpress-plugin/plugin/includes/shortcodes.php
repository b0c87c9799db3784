<?php
/**
 * `[etw_stats]`, `[etw_news]`, `[etw_events]`, … — one per widget, usable by every role.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	static function (): void {
		foreach ( widgets() as $widget ) {
			add_shortcode(
				$widget['shortcode'],
				static fn ( $atts ): string => render_widget( $widget, is_array( $atts ) ? $atts : array() )
			);
		}
	}
);
