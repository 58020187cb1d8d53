/**
 * The wire-format machinery behind the codec: canonical glyph writing and reading, the stream frame and its
 * CRC-16, exact UTF-8 for payloads and the byte sinks the writers target. {@code docs/FORMAT.md} states the
 * format these classes implement.
 *
 * <p>Internal to the domain: the codec uses it, applications do not. Its types are public only because the
 * codec is another package; nothing here is part of the published API and it may change in any release.
 */
package io.sigmalang.domain.wire;
