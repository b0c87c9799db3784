<?php
/**
 * Checks what an author typed against a widget's allow-list.
 */

namespace EtwinningHub;

defined( 'ABSPATH' ) || exit;

/**
 * The attributes of `$given` that the widget accepts, normalised, and a message for each one
 * refused (unknown name or bad value). Empty values count as absent.
 *
 * @param array<string, mixed>  $widget A widget from widgets().
 * @param array<string|int, mixed> $given Shortcode or block attributes.
 * @return array{0: array<string, string>, 1: string[]}
 */
function check_attributes( array $widget, array $given ): array {
	$accepted = array();
	$problems = array();
	foreach ( $given as $name => $value ) {
		if ( is_int( $name ) ) {
			/* translators: %s: what was typed in the shortcode */
			$problems[] = sprintf( __( 'Ignored "%s": attributes are written name="value".', 'etwinning-hub' ), (string) $value );
			continue;
		}
		$name = strtolower( (string) $name );
		if ( ! isset( $widget['attributes'][ $name ] ) ) {
			/* translators: %s: attribute name */
			$problems[] = sprintf( __( 'Unknown attribute "%s" ignored.', 'etwinning-hub' ), $name );
			continue;
		}
		if ( is_bool( $value ) || is_array( $value ) || is_object( $value ) ) {
			/* translators: %s: attribute name */
			$problems[] = sprintf( __( 'The value of "%s" is not valid and was ignored.', 'etwinning-hub' ), $name );
			continue;
		}
		// Saved by an author without unfiltered_html, the text has its entities encoded.
		$text = trim( html_entity_decode( (string) $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
		if ( '' === $text ) {
			continue;
		}
		$normal = normalize_value( $widget['attributes'][ $name ], $text );
		if ( null === $normal ) {
			/* translators: 1: attribute name, 2: the value typed */
			$problems[] = sprintf( __( 'The value "%2$s" of "%1$s" is not valid and was ignored.', 'etwinning-hub' ), $name, $text );
			continue;
		}
		$accepted[ $name ] = $normal;
	}
	return array( $accepted, $problems );
}

/**
 * `$value` as the tag expects it, or null when the attribute's rule refuses it.
 *
 * @param array<string, mixed> $rule An attribute of widgets.json.
 */
function normalize_value( array $rule, string $value ): ?string {
	if ( isset( $rule['enum'] ) ) {
		$value = strtolower( $value );
		return in_array( $value, $rule['enum'], true ) ? $value : null;
	}
	switch ( $rule['type'] ) {
		case 'country':
			return preg_match( '/^[A-Za-z]{2}$/', $value ) ? strtoupper( $value ) : null;
		case 'slug':
			return preg_match( '/^[a-z0-9][a-z0-9-]{0,199}$/', $value ) ? $value : null;
		case 'name':
			return preg_match( '/^[A-Za-z_][A-Za-z0-9_-]{0,49}$/', $value ) ? $value : null;
		case 'list':
			$items = array_filter( array_map( 'trim', explode( ',', strtolower( $value ) ) ), 'strlen' );
			foreach ( $items as $item ) {
				if ( ! preg_match( '/^[a-z0-9_-]{1,50}$/', $item ) ) {
					return null;
				}
			}
			return $items ? implode( ',', $items ) : null;
		case 'integer':
			if ( ! preg_match( '/^\d{1,6}$/', $value ) ) {
				return null;
			}
			$number = (int) $value;
			return $number >= ( $rule['min'] ?? 0 ) && $number <= ( $rule['max'] ?? PHP_INT_MAX ) ? (string) $number : null;
		case 'lang':
			return preg_match( '/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/', $value ) ? $value : null;
		case 'url':
			return is_http_url( $value ) ? untrailingslashit( $value ) : null;
		case 'link-template':
			return is_http_url( str_replace( array( '{slug}', '{id}', '{locale}' ), 'x', $value ) ) ? $value : null;
		case 'boolean':
			// An HTML boolean attribute: present (empty) when on; off is leaving it out.
			return in_array( strtolower( $value ), array( '1', 'on', 'true', 'yes' ), true ) ? '' : null;
		case 'text':
			$clean = sanitize_text_field( $value );
			return '' !== $clean && mb_strlen( $clean ) <= 100 ? $clean : null;
	}
	return null;
}

/** Whether `$value` is an absolute http:// or https:// URL with a host. */
function is_http_url( string $value ): bool {
	$parts = wp_parse_url( $value );
	return is_array( $parts )
		&& in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
		&& ! empty( $parts['host'] )
		&& ! preg_match( '/[\s"<>]/', $value );
}
