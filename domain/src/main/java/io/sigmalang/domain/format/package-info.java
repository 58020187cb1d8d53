/**
 * What the ΣLANG v2 format refuses, as the exceptions an application catches: a stream that breaks the format
 * ({@link io.sigmalang.domain.format.MalformedStreamException}, with the byte offset) and a tree the format
 * cannot carry exactly ({@link io.sigmalang.domain.format.TreeRejectedException}, with the node's path).
 *
 * <p>This package is public API. The machinery that reads and writes glyphs and frames is in
 * {@code io.sigmalang.domain.wire}, which is not.
 */
package io.sigmalang.domain.format;
