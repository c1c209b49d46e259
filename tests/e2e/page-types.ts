// The few browser globals the e2e tests touch inside page.evaluate(). The node-side
// tsconfig has no DOM library (runtimes stay apart), so page code reads them as
// `(globalThis as unknown as PageGlobals)` with these minimal, honest shapes.
import type { ShippedBridge } from '../../contract/api.ts';

export interface PageElement {
  textContent: string | null;
  src: string;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): { top: number; bottom: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
  append(...nodes: PageElement[]): void;
  remove(): void;
  dispatchEvent(event: unknown): boolean;
  blur(): void;
}

export interface PageGlobals {
  document: PageElement & {
    activeElement: PageElement | null;
    body: PageElement;
    createElement(tag: string): PageElement;
    addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string }) => void): void;
  };
  window: { open(url: string, target: string): unknown; location: { href: string } };
  shipped?: ShippedBridge;
  MutationObserver: new (callback: () => void) => { observe(target: PageElement, options: Record<string, boolean>): void };
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: { dataTransfer: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
  [key: `__${string}`]: unknown;
}
