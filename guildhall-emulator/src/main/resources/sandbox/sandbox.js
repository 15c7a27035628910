/*
 * Guildhall sandbox: a page for trying the bot against the local Discord emulator.
 *
 * Design note. The page talks only to the emulator's control API (same origin, /control/...). It keeps one `state`
 * object, polls every POLL_MS (guild view, messages of the open channel, gateway events after the last seen
 * sequence) and re-renders a part only when its JSON changed, so typing and scrolling are not disturbed.
 * Ephemeral answers are not stored by the emulator as channel messages, so the page keeps them locally, per
 * channel, and shows them inline as "Only you can see this". Every text from the API is inserted as text (never
 * as HTML). Sections: helpers, API, state and polling, rendering (guild, messages, components, events), slash
 * commands, interactions and modals, dialogs, wiring.
 */
'use strict';

const POLL_MS = 1500;
const INTERACTION_TIMEOUT_MS = 5000;
const FOLLOW_INTERACTION_MS = 15000;
const MAX_EVENTS = 300;
const DEFAULT_SIGNUP_EMOJI = '🥏';
const EPHEMERAL = 1 << 6;
const ADMINISTRATOR = 8;
const QUICK_EMOJI = ['🥏', '👍', '✅', '❌', '🎉', '❤️', '😂', '👀'];
const OPTION = { SUB_COMMAND: 1, GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11 };
const CHANNEL_ICON = { 0: '#', 2: '🔊', 4: '', 5: '📣', 13: '🎙', 15: '💬' };

// ───────────────────────────── helpers ─────────────────────────────

const $ = (id) => document.getElementById(id);

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** replaceChildren that skips null and false, so conditional children never show up as the text "null". */
function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));
}

function isEphemeral(data) {
  return data != null && (Number(data.flags || 0) & EPHEMERAL) !== 0;
}

function hue(id) {
  let hash = 0;
  for (const ch of String(id)) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return Math.abs(hash) % 360;
}

function timeOf(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !isNaN(date) ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
}

function colorOf(value) {
  return value == null ? null : '#' + Number(value).toString(16).padStart(6, '0');
}

// ───────────────────────────── API ─────────────────────────────

class ApiError extends Error {}

async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(`${method} ${path}: the emulator is not reachable (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below if it was an error */ }
  if (!response.ok) {
    const reason = json && json.error ? json.error : (text || response.statusText);
    throw new ApiError(`${method} ${path} → ${response.status}: ${reason}`);
  }
  return json;
}

function showError(err, kind = 'error') {
  const message = err instanceof Error ? err.message : String(err);
  const box = h('div', { class: 'error' + (kind === 'info' ? ' info' : '') },
    h('b', {}, kind === 'info' ? 'Done' : 'Error'), message,
    h('button', { title: 'Dismiss', onclick: () => box.remove() }, '×'));
  $('errors').prepend(box);
  while ($('errors').children.length > 4) $('errors').lastChild.remove();
  setTimeout(() => box.remove(), kind === 'info' ? 4000 : 15000);
}

async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    showError(e);
    return undefined;
  }
}

// ───────────────────────────── state and polling ─────────────────────────────

const saved = JSON.parse(localStorage.getItem('guildhall.sandbox') || '{}');
const state = {
  guilds: [], guildId: saved.guildId || null, guild: null, userId: saved.userId || null, channelId: saved.channelId || null,
  commands: [], commandsKey: '', messages: [], messagesKey: '', renderedMessagesKey: '',
  events: [], eventsAfter: 0, ephemeral: new Map(), guildKey: '', tick: 0, connected: null,
};

function persist() {
  localStorage.setItem('guildhall.sandbox',
    JSON.stringify({ guildId: state.guildId, userId: state.userId, channelId: state.channelId }));
}

async function refreshGuilds() {
  state.guilds = (await api('GET', '/control/guilds')) || [];
  if (!state.guilds.some((g) => g.id === state.guildId)) state.guildId = state.guilds[0] ? state.guilds[0].id : null;
  renderGuildSelect();
}

async function refreshGuild() {
  if (!state.guildId) { state.guild = null; renderGuild(); return; }
  const guild = await api('GET', `/control/guilds/${state.guildId}`);
  const key = JSON.stringify(guild);
  if (key === state.guildKey) return;
  state.guildKey = key;
  state.guild = guild;
  const members = guild.members || [];
  if (!members.some((m) => m.user.id === state.userId)) {
    const owner = members.find((m) => m.user.id === guild.owner_id);
    state.userId = owner ? owner.user.id : (members[0] ? members[0].user.id : null);
  }
  const channels = (guild.channels || []).filter((c) => c.type !== 4);
  if (!channels.some((c) => c.id === state.channelId)) {
    const text = channels.find((c) => c.type === 0);
    state.channelId = text ? text.id : null;
  }
  persist();
  renderGuild();
}

async function refreshCommands() {
  if (!state.guildId) { state.commands = []; return; }
  const [local, global] = await Promise.all([
    api('GET', `/control/commands?guild_id=${state.guildId}`), api('GET', '/control/commands')]);
  const commands = [...(local || []).map((c) => ({ ...c, scope: 'guild' })), ...(global || []).map((c) => ({ ...c, scope: 'global' }))]
    .filter((c) => c.type == null || c.type === 1)
    .sort((a, b) => a.name.localeCompare(b.name));
  const key = JSON.stringify(commands);
  if (key !== state.commandsKey) {
    state.commandsKey = key;
    state.commands = commands;
    if (!$('command-panel').hidden) renderCommandList();
  }
}

async function refreshMessages() {
  if (!state.channelId) { state.messages = []; state.messagesKey = ''; renderMessages(); return; }
  const channelId = state.channelId;
  const messages = (await api('GET', `/control/channels/${channelId}/messages`)) || [];
  if (channelId !== state.channelId) return;   // the person switched channels while this was in flight
  state.messages = messages;
  state.messagesKey = JSON.stringify(messages);
  renderMessages();
}

async function refreshEvents() {
  const events = (await api('GET', `/control/events?after=${state.eventsAfter}`)) || [];
  if (!events.length) return;
  state.eventsAfter = Math.max(state.eventsAfter, ...events.map((e) => Number(e.seq)));
  state.events = state.events.concat(events).slice(-MAX_EVENTS);
  renderEvents(events);
}

async function poll() {
  try {
    if (state.tick % 4 === 0) await refreshGuilds();
    await refreshGuild();
    if (state.tick % 4 === 0) await refreshCommands();
    await refreshMessages();
    await refreshEvents();
    setConnected(true);
  } catch (e) {
    setConnected(false, e);
  } finally {
    state.tick++;
    setTimeout(poll, POLL_MS);
  }
}

function setConnected(ok, error) {
  const conn = $('conn');
  conn.className = 'conn ' + (ok ? 'ok' : 'down');
  conn.title = ok ? 'Connected to the emulator' : 'Polling failed: ' + (error ? error.message : '');
  if (!ok && state.connected !== false) showError(error);   // once per outage, not every 1.5 s
  state.connected = ok;
}

/** After an action, refresh at once instead of waiting for the next poll. */
async function refreshNow() {
  await attempt(async () => {
    await refreshGuilds();
    state.guildKey = '';
    await refreshGuild();
    await refreshCommands();
    await refreshMessages();
    await refreshEvents();
  });
}

// ───────────────────────────── rendering: guild ─────────────────────────────

function memberName(userId) {
  const member = state.guild && (state.guild.members || []).find((m) => m.user.id === userId);
  return member ? member.user.username : userId;
}

function isAdministrator(member) {
  const roles = (state.guild && state.guild.roles) || [];
  return (member.roles || []).some((id) => {
    const role = roles.find((r) => r.id === id);
    return role && (BigInt(role.permissions || 0) & BigInt(ADMINISTRATOR)) !== 0n;
  });
}

function renderGuildSelect() {
  const select = $('guild-select');
  const key = JSON.stringify(state.guilds.map((g) => [g.id, g.name])) + state.guildId;
  if (select.dataset.key === key) return;
  select.dataset.key = key;
  fill(select, ...(state.guilds.length
    ? state.guilds.map((g) => h('option', { value: g.id, selected: g.id === state.guildId }, g.name))
    : [h('option', { value: '' }, 'No guilds: create one')]));
}

function renderGuild() {
  const guild = state.guild;
  const bot = $('bot-toggle');
  bot.disabled = !guild;
  bot.textContent = !guild ? 'Bot: —' : guild.bot_joined ? 'Bot joined · Leave' : 'Bot not in guild · Join';
  bot.className = guild && guild.bot_joined ? 'danger' : 'primary';

  const members = guild ? guild.members || [] : [];
  fill($('member-select'), ...members.map((m) =>
    h('option', { value: m.user.id, selected: m.user.id === state.userId },
      m.user.username + (m.user.id === guild.owner_id ? ' (owner)' : '') + (isAdministrator(m) ? ' · admin' : ''))));

  renderChannels(guild ? guild.channels || [] : []);
  const roles = guild ? guild.roles || [] : [];
  fill($('role-list'), ...roles.map((role) => h('li', {},
    h('span', { class: 'name' }, role.name,
      (BigInt(role.permissions || 0) & BigInt(ADMINISTRATOR)) !== 0n ? h('span', { class: 'badge admin' }, 'ADMIN') : null),
    role.id === guild.id ? null : h('button', {
      class: 'icon', title: `Delete role ${role.name}`,
      onclick: () => deleteRole(role),
    }, '×'))));

  fill($('member-list'), ...members.map((m) => h('li', { class: 'clickable' + (m.user.id === state.userId ? ' active' : ''), onclick: () => actAs(m.user.id) },
    h('span', { class: 'name' }, m.user.username,
      m.user.bot ? h('span', { class: 'badge' }, 'BOT') : null,
      isAdministrator(m) ? h('span', { class: 'badge admin' }, 'ADMIN') : null,
      m.user.id === state.userId ? h('span', { class: 'badge you' }, 'YOU') : null))));
  renderChannelTitle();
}

function renderChannels(channels) {
  const byParent = new Map();
  const categories = channels.filter((c) => c.type === 4);
  for (const channel of channels.filter((c) => c.type !== 4)) {
    const parent = categories.some((c) => c.id === channel.parent_id) ? channel.parent_id : null;
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent).push(channel);
  }
  const items = [];
  const addChannels = (list) => list.forEach((channel) => items.push(h('li', {
    class: 'clickable' + (channel.id === state.channelId ? ' active' : ''),
    onclick: () => selectChannel(channel.id),
  }, h('span', { class: 'name' }, (CHANNEL_ICON[channel.type] ?? '#') + ' ' + channel.name),
  h('button', {
    class: 'icon', title: `Delete #${channel.name} as a user`,
    onclick: (e) => { e.stopPropagation(); deleteChannel(channel); },
  }, '×'))));
  addChannels(byParent.get(null) || []);
  for (const category of categories) {
    items.push(h('li', { class: 'category' }, h('span', { class: 'name' }, category.name),
      h('button', { class: 'icon', title: `Delete category ${category.name}`, onclick: () => deleteChannel(category) }, '×')));
    addChannels(byParent.get(category.id) || []);
  }
  fill($('channel-list'), ...(items.length ? items : [h('li', {}, 'No channels')]));
}

function renderChannelTitle() {
  const channel = state.guild && (state.guild.channels || []).find((c) => c.id === state.channelId);
  $('channel-title').textContent = channel ? (CHANNEL_ICON[channel.type] ?? '#') + ' ' + channel.name : '# —';
  const guild = state.guild;
  $('channel-hint').textContent = !guild ? '' : guild.bot_joined
    ? `acting as ${memberName(state.userId)}`
    : 'the bot is not in this guild: join it to try commands';
}

// ───────────────────────────── rendering: messages ─────────────────────────────

function renderMessages() {
  const box = $('messages');
  const local = state.ephemeral.get(state.channelId) || [];
  const key = state.channelId + '|' + state.messagesKey + '|' + JSON.stringify(local) + '|' + state.guildKey.length;
  if (key === state.renderedMessagesKey) return;
  const sameChannel = state.renderedMessagesKey.startsWith(state.channelId + '|');
  state.renderedMessagesKey = key;
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  const scrollTop = box.scrollTop;

  const entries = [
    ...state.messages.map((m) => ({ at: Date.parse(m.timestamp) || 0, node: () => renderMessage(m, null) })),
    ...local.map((e) => ({ at: e.at, node: () => renderMessage(e.message, e) })),
  ].sort((a, b) => a.at - b.at);
  fill(box, ...(entries.length ? entries.map((e) => e.node())
    : [h('div', { class: 'empty' }, state.channelId ? 'No messages yet. Say something, or run a command with /.' : 'Pick a channel.')]));
  box.scrollTop = atBottom || !sameChannel ? box.scrollHeight : scrollTop;
}

function renderMessage(message, local) {
  const author = message.author || { id: '0', username: 'Guildhall', bot: true };
  return h('div', { class: 'msg' + (local ? ' ephemeral' : '') },
    h('div', { class: 'avatar', style: `background: hsl(${hue(author.id)} 45% 40%)` }, (author.username || '?').slice(0, 1).toUpperCase()),
    h('div', {},
      h('div', { class: 'msg-head' },
        h('span', { class: 'msg-author' }, author.username, author.bot ? h('span', { class: 'badge' }, 'APP') : null),
        h('span', { class: 'msg-time' }, timeOf(message.timestamp) || (local ? new Date(local.at).toLocaleTimeString() : ''))),
      message.content ? h('div', { class: 'msg-content' }, renderText(message.content)) : null,
      (message.embeds || []).map(renderEmbed),
      (message.components || []).length ? h('div', { class: 'components' }, message.components.map((c) => renderComponent(c, message))) : null,
      local ? null : renderReactions(message),
      local ? h('div', { class: 'ephemeral-note' }, '👁 Only you can see this · ',
        h('button', { onclick: () => dismissEphemeral(local.key) }, 'Dismiss')) : null));
}

/** A Discord timestamp tag (<t:SECONDS:STYLE>) as the reader's local time; R is relative. */
function timestampLabel(seconds, style) {
  const when = new Date(Number(seconds) * 1000);
  if (style !== 'R') return when.toLocaleString();
  const minutes = Math.round((when.getTime() - Date.now()) / 60000);
  const size = Math.abs(minutes) >= 120 ? Math.round(Math.abs(minutes) / 60) + ' hours' : Math.abs(minutes) + ' minutes';
  return minutes >= 0 ? 'in ' + size : size + ' ago';
}

/** Plain text with Discord mentions and timestamps resolved for reading. */
function renderText(text) {
  const parts = [];
  const pattern = /<@!?(\d+)>|<#(\d+)>|<@&(\d+)>|<a?:(\w+):\d+>|<t:(-?\d+)(?::([tTdDfFR]))?>/g;
  let last = 0;
  for (const match of String(text).matchAll(pattern)) {
    parts.push(text.slice(last, match.index));
    const guild = state.guild || {};
    let label;
    if (match[1]) label = '@' + memberName(match[1]);
    else if (match[2]) label = '#' + (((guild.channels || []).find((c) => c.id === match[2]) || {}).name || match[2]);
    else if (match[3]) label = '@' + (((guild.roles || []).find((r) => r.id === match[3]) || {}).name || match[3]);
    else if (match[4]) label = ':' + match[4] + ':';
    else {
      parts.push(h('span', { class: 'timestamp' }, timestampLabel(match[5], match[6])));
      last = match.index + match[0].length;
      continue;
    }
    parts.push(h('span', { class: 'mention' }, label));
    last = match.index + match[0].length;
  }
  parts.push(String(text).slice(last));
  return parts;
}

function renderEmbed(embed) {
  return h('div', { class: 'embed', style: embed.color != null ? `border-left-color: ${colorOf(embed.color)}` : null },
    embed.author && embed.author.name ? h('div', { class: 'embed-author' }, embed.author.name) : null,
    embed.title ? h('div', { class: 'embed-title' },
      embed.url ? h('a', { href: embed.url, target: '_blank', rel: 'noopener noreferrer' }, embed.title) : embed.title) : null,
    embed.description ? h('div', { class: 'embed-desc' }, renderText(embed.description)) : null,
    (embed.fields || []).length ? h('div', { class: 'embed-fields' }, embed.fields.map((f) =>
      h('div', { class: 'embed-field' + (f.inline ? ' inline' : '') },
        h('div', { class: 'embed-field-name' }, f.name), h('div', { class: 'embed-field-value' }, renderText(f.value || ''))))) : null,
    embed.footer && embed.footer.text || embed.timestamp ? h('div', { class: 'embed-footer' },
      [embed.footer && embed.footer.text, embed.timestamp && new Date(embed.timestamp).toLocaleString()].filter(Boolean).join(' • ')) : null);
}

/** Renders message components, including the newer layout ones (container, section, text display). */
function renderComponent(component, message) {
  switch (component.type) {
    case 1: return h('div', { class: 'row' }, (component.components || []).map((c) => renderComponent(c, message)));
    case 2: return renderButton(component, message);
    case 3: case 5: case 6: case 7: case 8:
      return h('select', { disabled: true, title: 'Select menus cannot be used from the sandbox yet' },
        h('option', {}, component.placeholder || 'Select menu'),
        (component.options || []).map((o) => h('option', {}, o.label)));
    case 9: return h('div', { class: 'section' },
      h('div', {}, (component.components || []).map((c) => renderComponent(c, message))),
      component.accessory ? renderComponent(component.accessory, message) : null);
    case 10: return h('div', { class: 'text-display' }, renderText(component.content || ''));
    case 14: return h('hr', { style: 'border-color:#4e5058;width:100%' });
    case 17: return h('div', { class: 'container', style: component.accent_color != null ? `border-left-color: ${colorOf(component.accent_color)}` : null },
      (component.components || []).map((c) => renderComponent(c, message)));
    default: return h('span', { class: 'muted tiny' }, `[component type ${component.type}]`);
  }
}

function renderButton(button, message) {
  const label = [button.emoji && button.emoji.name, button.label].filter(Boolean).join(' ') || '…';
  const style = button.style || 1;
  if (style === 5 && button.url) {
    return h('button', { class: 'btn-style-5', disabled: button.disabled, onclick: () => window.open(button.url, '_blank', 'noopener') }, label + ' ↗');
  }
  const noMessage = !message.id;
  return h('button', {
    class: 'btn-style-' + style,
    disabled: button.disabled || noMessage || style === 6,
    title: noMessage ? 'This answer has no message id to click on' : button.custom_id,
    onclick: () => clickButton(message, button),
  }, label);
}

function renderReactions(message) {
  const reactions = message.reactions || [];
  const botEmoji = reactions.find((r) => r.me);
  const signup = botEmoji ? emojiKey(botEmoji.emoji) : DEFAULT_SIGNUP_EMOJI;
  return h('div', { class: 'reactions' },
    reactions.map((r) => h('button', {
      class: 'reaction' + (r.me ? ' me' : ''), title: `React with ${r.emoji.name} as ${memberName(state.userId)}`,
      onclick: () => react(message, emojiKey(r.emoji)),
    }, `${r.emoji.name} ${r.count}`)),
    reactions.some((r) => emojiKey(r.emoji) === signup) ? null
      : h('button', { class: 'reaction-add', title: 'Add the signup emoji', onclick: () => react(message, signup) }, `+ ${signup}`),
    h('button', { class: 'reaction-add', title: 'Add any emoji', onclick: () => pickEmoji(message) }, '+ 🙂'));
}

function emojiKey(emoji) {
  return emoji.id ? `${emoji.name}:${emoji.id}` : emoji.name;
}

function addEphemeral(channelId, key, message) {
  const list = state.ephemeral.get(channelId) || [];
  const existing = list.find((e) => e.key === key);
  if (existing) existing.message = message;
  else list.push({ key, at: Date.now(), message });
  state.ephemeral.set(channelId, list);
  renderMessages();
}

function dismissEphemeral(key) {
  for (const [channelId, list] of state.ephemeral) state.ephemeral.set(channelId, list.filter((e) => e.key !== key));
  renderMessages();
}

// ───────────────────────────── rendering: events ─────────────────────────────

function eventSummary(event) {
  const d = event.data || {};
  const bits = [d.name, d.content, d.user && d.user.username, d.member && d.member.user && d.member.user.username,
    d.data && d.data.name && '/' + d.data.name, d.emoji && d.emoji.name].filter(Boolean);
  return bits.join(' · ').slice(0, 60);
}

function renderEvents(fresh) {
  const all = $('events-all').checked;
  const list = $('event-list');
  const visible = (events) => events.filter((e) => all || e.guild_id == null || e.guild_id === state.guildId);
  const item = (e) => h('li', {}, h('details', {},
    h('summary', {}, h('span', { class: 'seq' }, '#' + e.seq), e.type, ' ', h('span', { class: 'muted' }, eventSummary(e))),
    h('pre', {}, JSON.stringify(e.data, null, 2))));
  if (fresh) list.prepend(...visible(fresh).reverse().map(item));
  else fill(list, ...visible(state.events).reverse().map(item));
  while (list.children.length > MAX_EVENTS) list.lastChild.remove();
}

// ───────────────────────────── slash commands ─────────────────────────────

function openCommandPanel(filter) {
  $('command-panel').hidden = false;
  $('command-filter').value = filter || '';
  renderCommandList();
}

function closeCommandPanel() {
  $('command-panel').hidden = true;
  $('command-form').hidden = true;
  fill($('command-form'));
}

function renderCommandList() {
  const filter = $('command-filter').value.trim().toLowerCase().replace(/^\//, '');
  const matches = state.commands.filter((c) => c.name.toLowerCase().includes(filter.split(' ')[0]));
  fill($('command-list'), ...(matches.length ? matches.map((c) => h('li', { onclick: () => chooseCommand(c) },
    h('span', { class: 'cmd-scope' }, c.scope), h('span', { class: 'cmd-name' }, '/' + c.name), h('span', { class: 'cmd-desc' }, c.description || '')))
    : [h('li', { class: 'muted' }, state.guild && !state.guild.bot_joined
      ? 'The bot is not in this guild, so it has no commands here.' : 'No registered command matches.')]));
}

function chooseCommand(command) {
  const form = $('command-form');
  form.hidden = false;
  const options = command.options || [];
  const paths = [];
  for (const option of options) {
    if (option.type === OPTION.SUB_COMMAND) paths.push({ path: option.name, option });
    if (option.type === OPTION.GROUP) {
      for (const sub of option.options || []) paths.push({ path: option.name + ' ' + sub.name, option: sub });
    }
  }
  const fields = h('div', { class: 'command-fields' });
  const showFields = (opts) => fill(fields, ...(opts || []).map(optionField),
    (opts || []).length ? null : h('div', { class: 'muted' }, 'No options.'));
  let subSelect = null;
  if (paths.length) {
    subSelect = h('select', { name: '__sub', onchange: () => showFields(paths[subSelect.selectedIndex].option.options) },
      paths.map((p) => h('option', { value: p.path }, `${p.path} — ${p.option.description || ''}`)));
    showFields(paths[0].option.options);
  } else {
    showFields(options);
  }
  fill(form, 
    h('div', { class: 'cmd-name' }, '/' + command.name, h('span', { class: 'cmd-desc muted' }, ' ' + (command.description || ''))),
    subSelect ? h('label', { class: 'field' }, h('span', {}, 'Subcommand'), subSelect) : null,
    fields,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'ghost', onclick: closeCommandPanel }, 'Cancel'),
      h('button', { type: 'submit', class: 'primary' }, 'Run /' + command.name)));
  form.onsubmit = (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const line = subSelect ? `${command.name} ${subSelect.value}` : command.name;
    runCommand(line, collectOptions(fields));
  };
  const first = form.querySelector('input, select');
  if (first) first.focus();
}

function optionField(option) {
  const required = !!option.required;
  const common = { name: option.name, 'data-type': option.type, required };
  const pick = (items) => h('select', common, h('option', { value: '' }, required ? 'Choose…' : '(none)'),
    items.map(([value, label]) => h('option', { value }, label)));
  const guild = state.guild || { members: [], channels: [], roles: [] };
  let input;
  if (option.choices && option.choices.length) {
    input = pick(option.choices.map((c) => [String(c.value), c.name]));
  } else {
    switch (option.type) {
      case OPTION.INTEGER: case OPTION.NUMBER:
        input = h('input', { ...common, type: 'number', step: option.type === OPTION.INTEGER ? '1' : 'any', min: option.min_value, max: option.max_value });
        break;
      case OPTION.BOOLEAN: input = pick([['true', 'true'], ['false', 'false']]); break;
      case OPTION.USER: input = pick((guild.members || []).map((m) => [m.user.id, m.user.username])); break;
      case OPTION.ROLE: input = pick((guild.roles || []).map((r) => [r.id, r.name])); break;
      case OPTION.MENTIONABLE:
        input = pick([...(guild.members || []).map((m) => [m.user.id, '@' + m.user.username]), ...(guild.roles || []).map((r) => [r.id, '@' + r.name + ' (role)'])]);
        break;
      case OPTION.CHANNEL:
        input = pick((guild.channels || []).filter((c) => !option.channel_types || option.channel_types.includes(c.type))
          .map((c) => [c.id, (CHANNEL_ICON[c.type] ?? '#') + ' ' + c.name]));
        break;
      case OPTION.ATTACHMENT: input = h('input', { ...common, disabled: true, placeholder: 'Attachments are not supported here' }); break;
      default: input = h('input', { ...common, type: 'text', minlength: option.min_length, maxlength: option.max_length });
    }
  }
  return h('label', { class: 'field' },
    h('span', {}, option.name, required ? h('span', { class: 'req' }, ' *') : null),
    input, option.description ? h('small', {}, option.description) : null);
}

function collectOptions(container) {
  const options = {};
  for (const input of container.querySelectorAll('[name]')) {
    if (input.disabled || input.value === '') continue;
    const type = Number(input.dataset.type);
    if (type === OPTION.INTEGER) options[input.name] = parseInt(input.value, 10);
    else if (type === OPTION.NUMBER) options[input.name] = parseFloat(input.value);
    else if (type === OPTION.BOOLEAN) options[input.name] = input.value === 'true';
    else options[input.name] = input.value;
  }
  return options;
}

// ───────────────────────────── interactions and modals ─────────────────────────────

function setStatus(text, failed) {
  const box = $('interaction-status');
  box.hidden = !text;
  box.textContent = text || '';
  box.className = 'interaction-status' + (failed ? ' failed' : '');
}

function context(channelId = state.channelId) {
  if (!state.guildId || !channelId || !state.userId) throw new ApiError('Pick a guild, a channel and a member first.');
  return { guild_id: state.guildId, channel_id: channelId, user_id: state.userId };
}

async function interact(kind, body, label, channelId) {
  let ctx;
  try { ctx = context(channelId); } catch (e) { showError(e); return; }
  setStatus(`${label}: waiting for the bot…`);
  try {
    const outcome = await api('POST', `/control/interactions/${kind}`, { ...ctx, ...body, timeout_ms: INTERACTION_TIMEOUT_MS });
    handleOutcome(outcome, label, ctx.channel_id);
  } catch (e) {
    setStatus(`${label}: ${e.message}`, true);
    showError(e);
  }
  refreshNow();
}

function runCommand(line, options) {
  closeCommandPanel();
  $('composer-input').value = '';
  interact('command', { command: line, options }, '/' + line);
}

function clickButton(message, button) {
  interact('button', { message_id: message.id, custom_id: button.custom_id }, `Button “${button.label || button.custom_id}”`);
}

const RESPONSE_TYPES = { 4: 'answered', 5: 'is thinking…', 6: 'acknowledged the click', 7: 'updated the message', 9: 'opened a form' };

function handleOutcome(outcome, label, channelId) {
  const response = outcome.response;
  if (!response) {
    setStatus(`${label}: the bot did not respond in time (the interaction failed).`, true);
    return;
  }
  setStatus(`${label}: the bot ${RESPONSE_TYPES[response.type] || 'answered with type ' + response.type}`);
  const id = outcome.interaction_id;
  if (response.type === 4 && isEphemeral(response.data)) {
    addEphemeral(channelId, id + ':response', { ...response.data, id: outcome.original && outcome.original.id });
  }
  if (response.type === 9) openModal(response.data || {}, channelId);
  showFollowups(outcome, channelId, response);
  if (response.type === 4 || response.type === 5 || response.type === 6) followInteraction(id, channelId, response);
}

function showFollowups(outcome, channelId, response) {
  const id = outcome.interaction_id;
  if (outcome.original && (response.type === 5 && isEphemeral(response.data) || response.type === 4 && isEphemeral(response.data))) {
    addEphemeral(channelId, id + ':response', outcome.original);
  }
  (outcome.followups || []).forEach((followup, i) => {
    if (isEphemeral(followup)) addEphemeral(channelId, `${id}:followup:${i}`, followup);
  });
}

/** Deferred answers and follow-ups arrive later: watch the interaction for a while. */
async function followInteraction(id, channelId, response) {
  const deadline = Date.now() + FOLLOW_INTERACTION_MS;
  let seen = '';
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let outcome;
    try { outcome = await api('GET', `/control/interactions/${id}`); } catch { return; }
    const key = JSON.stringify([outcome.original, outcome.followups]);
    if (key === seen) continue;
    seen = key;
    showFollowups(outcome, channelId, response);
    if (response.type === 5 && outcome.original) setStatus('The bot answered.');
  }
}

/** Text inputs come inside Label components (type 18) or, the older way, inside action rows (type 1). */
function modalInputs(components) {
  const inputs = [];
  for (const component of components || []) {
    if (component.type === 18 && component.component) {
      inputs.push({ label: component.label, description: component.description, input: component.component });
    } else if (component.type === 1) {
      for (const child of component.components || []) inputs.push({ label: child.label, input: child });
    } else if (component.type === 4) {
      inputs.push({ label: component.label, input: component });
    } else if (component.type === 10) {
      inputs.push({ text: component.content });
    }
  }
  return inputs;
}

function openModal(data, channelId) {
  const dialog = $('modal-dialog');
  $('modal-title').textContent = data.title || 'Form';
  const body = $('modal-body');
  fill(body, ...modalInputs(data.components).map((item) => {
    if (item.text != null) return h('div', { class: 'text-display' }, renderText(item.text));
    const input = item.input;
    if (input.type !== 4) return h('div', { class: 'muted' }, `${item.label || ''}: component type ${input.type} is not supported here`);
    const attrs = {
      name: input.custom_id, required: input.required !== false, minlength: input.min_length, maxlength: input.max_length,
      placeholder: input.placeholder,
    };
    const field = input.style === 2 ? h('textarea', attrs) : h('input', { ...attrs, type: 'text' });
    field.value = input.value || '';
    return h('label', { class: 'field' },
      h('span', {}, item.label || input.custom_id, attrs.required ? h('span', { class: 'req' }, ' *') : null),
      item.description ? h('small', {}, item.description) : null, field);
  }));
  dialog.onclose = () => {
    if (dialog.returnValue !== 'submit') { setStatus('Form cancelled.'); return; }
    const values = {};
    for (const field of body.querySelectorAll('[name]')) values[field.name] = field.value;
    // A modal is submitted in the channel it was opened in, even if the person switched channels meanwhile.
    interact('modal', { custom_id: data.custom_id, values }, `Form “${data.title || data.custom_id}”`, channelId);
  };
  dialog.returnValue = '';
  dialog.showModal();
}

// ───────────────────────────── dialogs and actions ─────────────────────────────

/** Opens the shared form dialog; resolves with the form's values, or null when cancelled. */
function askForm(title, fields, extra) {
  const dialog = $('form-dialog');
  $('form-dialog-title').textContent = title;
  fill($('form-dialog-body'), ...fields.map((f) => {
    if (f.type === 'checkbox') return h('label', { class: 'field check' }, h('input', { type: 'checkbox', name: f.name, checked: f.value }), f.label);
    if (f.type === 'checkboxes') {
      return h('div', { class: 'field' }, h('span', {}, f.label), f.options.length ? f.options.map(([value, label]) =>
        h('label', { class: 'field check' }, h('input', { type: 'checkbox', name: f.name, value }), label)) : h('small', {}, 'none'));
    }
    return h('label', { class: 'field' }, h('span', {}, f.label),
      h('input', { type: 'text', name: f.name, required: f.required, value: f.value, pattern: f.pattern, maxlength: f.maxlength, placeholder: f.placeholder }));
  }), extra || null);
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.onclose = () => {
      if (dialog.returnValue !== 'ok') { resolve(null); return; }
      const values = {};
      for (const f of fields) {
        const inputs = [...dialog.querySelectorAll(`[name="${f.name}"]`)];
        if (f.type === 'checkbox') values[f.name] = inputs[0].checked;
        else if (f.type === 'checkboxes') values[f.name] = inputs.filter((i) => i.checked).map((i) => i.value);
        else values[f.name] = inputs[0].value.trim();
      }
      resolve(values);
    };
  });
}

async function newGuild() {
  const values = await askForm('Create a guild', [
    { name: 'name', label: 'Guild name', required: true, value: 'Disc Golf Club', maxlength: 100 },
    { name: 'owner_name', label: 'Owner username', required: true, value: 'owner', maxlength: 32 }]);
  if (!values) return;
  const guild = await attempt(() => api('POST', '/control/guilds', values));
  if (guild) { state.guildId = guild.id; state.userId = guild.owner_id; state.channelId = null; persist(); await refreshNow(); }
}

async function addMember() {
  if (!state.guild) { showError('Pick a guild first.'); return; }
  const roles = (state.guild.roles || []).filter((r) => r.id !== state.guild.id).map((r) => [r.id, r.name]);
  const values = await askForm('Add a member', [
    { name: 'username', label: 'Username', required: true, pattern: '[A-Za-z0-9_.]{2,32}', placeholder: 'e.g. alice' },
    { name: 'administrator', label: 'Administrator', type: 'checkbox' },
    { name: 'role_ids', label: 'Roles', type: 'checkboxes', options: roles }]);
  if (!values) return;
  const result = await attempt(() => api('POST', `/control/guilds/${state.guildId}/members`, values));
  if (result) { actAs(result.user_id); showError(`${values.username} joined; you now act as them.`, 'info'); await refreshNow(); }
}

async function toggleBot() {
  if (!state.guild) return;
  const action = state.guild.bot_joined ? 'leave' : 'join';
  await attempt(() => api('POST', `/control/guilds/${state.guildId}/bot/${action}`));
  await refreshNow();
}

async function addChannel() {
  if (!state.guild) return;
  const values = await askForm('Create a channel', [{ name: 'name', label: 'Channel name', required: true, pattern: '[a-z0-9_-]{1,100}', placeholder: 'lowercase-with-dashes' }]);
  if (values) { await attempt(() => api('POST', `/control/guilds/${state.guildId}/channels`, values)); await refreshNow(); }
}

async function addRole() {
  if (!state.guild) return;
  const values = await askForm('Create a role', [
    { name: 'name', label: 'Role name', required: true, maxlength: 100 },
    { name: 'administrator', label: 'Administrator permission', type: 'checkbox' }]);
  if (!values) return;
  await attempt(() => api('POST', `/control/guilds/${state.guildId}/roles`, { name: values.name, permissions: values.administrator ? ADMINISTRATOR : 0 }));
  await refreshNow();
}

async function deleteChannel(channel) {
  if (!confirm(`Delete #${channel.name}? The bot sees a CHANNEL_DELETE as if a person did it.`)) return;
  await attempt(() => api('DELETE', `/control/guilds/${state.guildId}/channels/${channel.id}`));
  await refreshNow();
}

async function deleteRole(role) {
  if (!confirm(`Delete the role ${role.name}? The bot sees a GUILD_ROLE_DELETE as if a person did it.`)) return;
  await attempt(() => api('DELETE', `/control/guilds/${state.guildId}/roles/${role.id}`));
  await refreshNow();
}

async function postMessage(content) {
  let ctx;
  try { ctx = context(); } catch (e) { showError(e); return; }
  const ok = await attempt(() => api('POST', `/control/channels/${ctx.channel_id}/messages`, { user_id: ctx.user_id, content }));
  if (ok !== undefined) { $('composer-input').value = ''; await refreshNow(); }
}

async function react(message, emoji) {
  if (!state.userId) { showError('Pick a member first.'); return; }
  await attempt(() => api('POST', `/control/channels/${message.channel_id || state.channelId}/messages/${message.id}/reactions`,
    { user_id: state.userId, emoji }));
  await refreshNow();
}

async function pickEmoji(message) {
  const picks = h('div', { class: 'emoji-picks' }, QUICK_EMOJI.map((emoji) => h('button', {
    type: 'button', onclick: () => { $('form-dialog').querySelector('[name="emoji"]').value = emoji; $('form-dialog').close('ok'); },
  }, emoji)));
  const values = await askForm('Add a reaction', [{ name: 'emoji', label: 'Emoji (a character, or name:id for a custom one)', required: true, maxlength: 64 }], picks);
  if (values) await react(message, values.emoji);
}

function actAs(userId) {
  state.userId = userId;
  persist();
  state.guildKey = '';
  refreshGuild().catch(showError);
}

function selectChannel(channelId) {
  state.channelId = channelId;
  persist();
  state.guildKey = '';
  refreshGuild().then(refreshMessages).catch(showError);
}

// ───────────────────────────── wiring ─────────────────────────────

function wire() {
  $('guild-select').addEventListener('change', (e) => {
    state.guildId = e.target.value;
    state.channelId = null;
    state.userId = null;
    state.guildKey = '';
    persist();
    closeCommandPanel();
    refreshNow();
    renderEvents();
  });
  $('member-select').addEventListener('change', (e) => actAs(e.target.value));
  $('new-guild').addEventListener('click', newGuild);
  $('add-member').addEventListener('click', addMember);
  $('bot-toggle').addEventListener('click', toggleBot);
  $('add-channel').addEventListener('click', addChannel);
  $('add-role').addEventListener('click', addRole);
  $('events-all').addEventListener('change', () => renderEvents());
  $('slash').addEventListener('click', () => { openCommandPanel(''); $('command-filter').focus(); });
  $('command-close').addEventListener('click', closeCommandPanel);
  $('command-filter').addEventListener('input', renderCommandList);
  $('composer-input').addEventListener('input', (e) => {
    const text = e.target.value;
    if (text.startsWith('/')) openCommandPanel(text); else if ($('command-form').hidden) closeCommandPanel();
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('composer-input').value.trim();
    if (!text) return;
    if (text.startsWith('/')) {
      const name = text.slice(1).split(/\s+/)[0];
      const command = state.commands.find((c) => c.name === name);
      if (!command) { showError(`No registered command /${name} in this guild.`); return; }
      if (!$('command-form').hidden) $('command-form').requestSubmit(); else chooseCommand(command);
      return;
    }
    postMessage(text);
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('command-panel').hidden) closeCommandPanel(); });
}

wire();
poll();
