import './support/happy-dom-compat';
import { Lexer } from 'marked';
import { markedSource } from '../../../components/markdown/parse/patterns';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighlighter } from '../../../components/markdown/decorate/decorate';
import { AnswerController } from '../../../components/markdown/answer';
import type { FrameScheduler } from '../../../components/markdown/frame';
import { createMessage } from '../../../components/state/message';
import { parseStats } from '../../../components/markdown/parse/parse';
import { randomChunks, renderOnce } from './support/dom';

/** Frames that only come when the test says so. */
function manualFrames() {
  let pending: (() => void) | null = null;
  let requests = 0;
  const schedule = (run: () => void): FrameScheduler => ({
    request() {
      requests++;
      pending ??= run;
    },
    cancel() {
      pending = null;
    },
  });
  const frame = () => {
    const run = pending;
    pending = null;
    run?.();
  };
  return { schedule, frame, requests: () => requests, pending: () => pending !== null };
}

function setup(init: { content?: string; thinking?: string } = {}) {
  const message = createMessage('assistant', init);
  const frames = manualFrames();
  const controller = new AnswerController(message, frames.schedule);
  const root = document.createElement('div');
  const unmount = controller.mount(root);
  return { message, frames, controller, root, unmount };
}

// The highlighter loads lazily in the panel; tests want colors at once.
beforeAll(() => loadHighlighter());

describe('AnswerController', () => {
  it('renders what is there at once, then at most once per frame', () => {
    const { message, frames, root } = setup({ content: 'Hello' });
    expect(root.textContent).toContain('Hello');
    parseStats.calls = 0;
    message.text.append(' **wor');
    message.text.append('ld**');
    message.text.append(' again');
    expect(root.textContent).not.toContain('again');
    expect(parseStats.calls).toBe(0);
    expect(frames.pending()).toBe(true);
    frames.frame();
    expect(parseStats.calls).toBe(1);
    expect(root.querySelector('strong')?.textContent).toBe('world');
    expect(root.textContent).toContain('again');
  });

  it('renders the final form synchronously when the message stops streaming', () => {
    const text = 'Intro\n\n```python\nprint("hi")\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    const { message, root } = setup();
    for (const piece of randomChunks(text, 2, 5)) message.text.append(piece);
    message.finish(null);
    expect(root.innerHTML).toBe(renderOnce(text).innerHTML);
    expect(root.querySelector('code .hljs-built_in, code .hljs-string')).not.toBeNull();
  });

  it('moves <think> out of the answer even when the tags are split across chunks', () => {
    const { message, frames, controller, root } = setup();
    message.text.append('<thi');
    frames.frame();
    expect(root.textContent).toBe('');
    message.text.append('nk>Let me reason');
    frames.frame();
    expect(controller.thinking.value).toBe('Let me reason');
    expect(controller.answerStarted.value).toBe(false);
    message.text.append(' more.</th');
    message.text.append('ink>\n\nThe **answer**.');
    frames.frame();
    expect(controller.thinking.value).toBe('Let me reason more.');
    expect(controller.answerStarted.value).toBe(true);
    message.finish(null);
    expect(root.innerHTML).toBe(renderOnce('The **answer**.').innerHTML);
  });

  it('knows at once that a stored reply has started its answer', () => {
    const c = new AnswerController(createMessage('assistant', { content: 'Done.', thinking: 'hm', status: 'done' }), manualFrames().schedule);
    expect(c.answerStarted.value).toBe(true);
  });

  it('stops listening when unmounted', () => {
    const { message, frames, root, unmount } = setup({ content: 'a' });
    unmount();
    message.text.append(' b');
    expect(frames.pending()).toBe(false);
    expect(root.textContent).not.toContain('b');
  });

  it('mounts only once', () => {
    const { controller } = setup();
    expect(() => controller.mount(document.createElement('div'))).toThrow();
  });
});

describe('AnswerController: compiled patterns', () => {
  const paragraphRule = () => (Lexer.rules as unknown as { block: { gfm: { paragraph: RegExp } } }).block.gfm.paragraph;

  // Each renewal puts its own number in front of marked's source (parse/patterns.ts).
  const renewal = () => Number(/^\(\?=\|(\d+)\)/.exec(paragraphRule().source)?.[1] ?? 0);

  it('lets go of what parsing compiled once after a batch of finished replies is shown (bench 5b), and when a streamed one ends (5a)', async () => {
    const before = renewal();
    const rule = paragraphRule();
    // A conversation opened: its stored replies mount in one go, and release once, after the last.
    for (const text of ['Old *reply*.', 'Another **one**.', '- a list']) {
      new AnswerController(createMessage('assistant', { content: text, status: 'done' }), manualFrames().schedule).mount(document.createElement('div'));
    }
    expect(paragraphRule()).toBe(rule);
    await Promise.resolve();
    expect(renewal()).toBe(before + 1);
    expect(markedSource(paragraphRule())).toBe(markedSource(rule));

    const streamed = paragraphRule();
    const { message, frames } = setup({ content: 'Streaming ' });
    message.text.append('**reply**');
    frames.frame();
    message.finish(null);
    await Promise.resolve();
    expect(paragraphRule()).not.toBe(streamed);
    expect(renewal()).toBe(before + 2);
  });
});
