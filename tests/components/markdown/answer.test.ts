import './support/happy-dom-compat';
import { Lexer } from 'marked';
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

  it('lets go of what parsing compiled when a streamed reply ends (bench 5a), not when a finished one is shown', () => {
    const rule = paragraphRule();
    const stored = new AnswerController(createMessage('assistant', { content: 'Old *reply*.', status: 'done' }), manualFrames().schedule);
    stored.mount(document.createElement('div'));
    expect(paragraphRule()).toBe(rule);

    const { message, frames } = setup({ content: 'Streaming ' });
    message.text.append('**reply**');
    frames.frame();
    expect(paragraphRule()).toBe(rule);
    message.finish(null);
    expect(paragraphRule()).not.toBe(rule);
    expect(paragraphRule().source).toBe(rule.source);
  });
});
