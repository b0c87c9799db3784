<?php
/**
 * The widget script: registered once, from the hub's versioned URL with its integrity hash.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

const SCRIPT = 'etwinning-hub-widgets';

/** Registers the widget script when a hub is set; returns whether it is registered. */
function register_script(): bool {
	if ( wp_script_is( SCRIPT, 'registered' ) ) {
		return true;
	}
	$settings = settings();
	if ( '' === $settings['hub'] ) {
		return false;
	}
	$release = $settings['release'];
	$src     = $settings['hub'] . ( $release ? $release['path'] : '/widgets/etw-widgets.js' );
	// No `?ver=`: the versioned URL is the version, and the unversioned one is cached for an hour.
	return wp_register_script( SCRIPT, $src, array(), null, false );
}

/** Enqueues the widget script (at most once per page, wherever it is asked for). */
function enqueue_script(): void {
	if ( register_script() ) {
		wp_enqueue_script( SCRIPT );
	}
}

add_filter(
	'script_loader_tag',
	static function ( string $tag, string $handle ): string {
		$release = settings()['release'];
		if ( SCRIPT !== $handle || ! $release ) {
			return $tag;
		}
		$extra = sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( $release['integrity'] ) );
		return preg_replace( '/<script\b/', '<script' . $extra, $tag, 1 );
	},
	10,
	2
);

/**
 * The tags' layout before their code runs (and without JavaScript): blocks in the content's flow,
 * so the theme's content width applies to the fallback. A file, not inline CSS, for strict CSPs.
 */
function enqueue_style(): void {
	wp_enqueue_style( 'etwinning-hub-widgets', plugins_url( 'assets/widgets.css', PLUGIN_FILE ), array(), VERSION );
}

/** Whether `$content` holds one of the plugin's shortcodes or blocks. */
function content_uses_widgets( string $content ): bool {
	foreach ( widgets() as $widget ) {
		if ( has_shortcode( $content, $widget['shortcode'] ) || has_block( $widget['block'], $content ) ) {
			return true;
		}
	}
	return false;
}

add_action(
	'wp_enqueue_scripts',
	static function (): void {
		$post = get_queried_object();
		// Known before the page starts: in <head>. Widgets found later (sidebars, templates) are
		// enqueued as they render, and the script then goes to the footer.
		if ( 'everywhere' === settings()['load']
			|| ( $post instanceof \WP_Post && content_uses_widgets( $post->post_content ) ) ) {
			enqueue_script();
			enqueue_style();
		}
	}
);
