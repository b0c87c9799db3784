/**
 * Editing side of the plugin's blocks: one inspector control per attribute of the widget (from
 * widgets.json, passed in as `window.etwinningHubEditor`), and the widget itself as the live
 * preview. What is saved is the attributes only; the page is rendered on the server.
 */
;(function (wp, data) {
  if (!wp || !data) return
  const el = wp.element.createElement
  const { InspectorControls, useBlockProps } = wp.blockEditor
  const { PanelBody, SelectControl, TextControl, ToggleControl, Notice } = wp.components

  const control = (name, spec, value, onChange) =>
    spec.type === 'boolean'
      ? el(ToggleControl, {
          key: name,
          label: spec.label,
          help: spec.help,
          checked: value === 'yes',
          onChange: (checked) => onChange(checked ? 'yes' : ''),
        })
      : spec.enum
        ? el(SelectControl, {
            key: name,
            label: spec.label,
            help: spec.help,
            value: value || '',
            options: [{ label: data.strings.default, value: '' }].concat(
              spec.enum.map((option) => ({ label: option, value: option })),
            ),
            onChange,
          })
        : el(TextControl, {
            key: name,
            label: spec.label,
            help: spec.help,
            type: spec.type === 'integer' ? 'number' : 'text',
            value: value || '',
            onChange,
          })

  for (const widget of data.widgets) {
    wp.blocks.registerBlockType(widget.block, {
      edit({ attributes, setAttributes }) {
        const props = Object.assign({}, data.defaults)
        for (const name of Object.keys(widget.attributes)) {
          if (attributes[name] !== undefined && attributes[name] !== '') {
            props[name] = String(attributes[name])
          }
        }
        const controls = Object.keys(widget.attributes).map((name) =>
          control(name, widget.attributes[name], attributes[name], (value) =>
            setAttributes({ [name]: value === '' ? undefined : value }),
          ),
        )
        return el(
          'div',
          useBlockProps(),
          el(InspectorControls, null, el(PanelBody, { title: data.strings.settings }, controls)),
          data.hub
            ? // A new element per set of attributes: each preview starts from its own request.
              el(
                widget.tag,
                Object.assign({ key: JSON.stringify(props) }, props),
                el('span', null, data.strings.loading),
              )
            : el(Notice, { status: 'warning', isDismissible: false }, data.strings.noHub),
        )
      },
      save: () => null,
    })
  }
})(globalThis.wp, globalThis.etwinningHubEditor)
