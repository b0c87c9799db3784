<?php
/**
 * The one markup of a widget, for its shortcode and its block alike.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

/**
 * The tag of `$widget` with the accepted attributes and its fallback inside, on one line (so that
 * `wpautop` has nothing to break), preceded by a notice for people who may edit the post when an
 * attribute was refused or the hub is not set. Never throws into the page.
 *
 * @param array<string, mixed>     $widget A widget from widgets().
 * @param array<string|int, mixed> $given   Attributes as typed (shortcode) or saved (block).
 * @param string                   $wrapper A block's wrapper attributes (`class="wp-block-… alignwide"`).
 */
function render_widget( array $widget, array $given, string $wrapper = '' ): string {
	[ $attributes, $problems ] = check_attributes( $widget, $given );
	$settings = settings();
	foreach ( array( 'lang', 'theme' ) as $name ) {
		if ( ! isset( $attributes[ $name ] ) && '' !== $settings[ $name ] ) {
			$attributes[ $name ] = $settings[ $name ];
		}
	}
	$hub = $attributes['api-base'] ?? $settings['hub'];
	if ( '' === $settings['hub'] ) {
		$problems[] = __( 'Set the hub URL in Settings → eTwinning Hub: until then the widget cannot load.', 'etwinning-hub' );
	}
	enqueue_script();
	enqueue_style();
	$markup = '<' . $widget['tag'] . ( '' === $wrapper ? '' : ' ' . $wrapper );
	foreach ( $attributes as $name => $value ) {
		$markup .= ' ' . $name . ( '' === $value ? '' : '="' . esc_attr( $value ) . '"' );
	}
	$markup .= '>' . str_replace( array( "\r", "\n" ), ' ', fallback_html( $widget, $attributes, $hub ) ) . '</' . $widget['tag'] . '>';
	return notice( $widget, $problems ) . $markup;
}

/** The problems, for people who may edit the post; nothing for anyone else. */
function notice( array $widget, array $problems ): string {
	$post = get_post();
	$may  = $post ? current_user_can( 'edit_post', $post->ID ) : current_user_can( 'edit_posts' );
	if ( ! $problems || ! $may ) {
		return '';
	}
	/* translators: %s: the shortcode's name */
	$title = sprintf( __( 'eTwinning widget [%s] (only editors see this):', 'etwinning-hub' ), $widget['shortcode'] );
	return '<span class="etw-notice" role="note" style="display:block;border-left:4px solid #d63638;padding:.25em .75em;background:#fcf0f1;color:#1e1e1e">'
		. esc_html( $title . ' ' . implode( ' ', $problems ) ) . '</span>';
}
