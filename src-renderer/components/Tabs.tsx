import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/**
 * A tab list (WAI-ARIA tabs pattern): the selected tab is the only one in the Tab order; arrow keys,
 * Home and End move between tabs and select them.
 */
export function Tabs<T extends string>(props: {
  items: readonly TabItem<T>[];
  selected: T;
  onSelect(id: T): void;
  label: string;
}) {
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const onKey = (event: KeyboardEvent, index: number) => {
    const n = props.items.length;
    const to =
      event.key === 'ArrowRight'
        ? (index + 1) % n
        : event.key === 'ArrowLeft'
          ? (index - 1 + n) % n
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    const id = props.items[to]!.id;
    props.onSelect(id);
    buttons.current.get(id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.items.map((item, index) => (
        <button
          key={item.id}
          ref={(el) => {
            if (el) buttons.current.set(item.id, el);
          }}
          type="button"
          role="tab"
          id={`tab-${item.id}`}
          aria-selected={item.id === props.selected}
          aria-controls={item.id === props.selected ? `panel-${item.id}` : undefined}
          tabIndex={item.id === props.selected ? 0 : -1}
          onClick={() => props.onSelect(item.id)}
          onKeyDown={(e) => onKey(e, index)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
