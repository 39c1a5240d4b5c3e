/**
 * Hostile inputs, faults and concurrency: one class per group, each case asserting the exact exit code,
 * the one-line message naming the file and position, and (through {@link dev.paperlist.hostile.Workspace})
 * that not one file of the folder changed, appeared or disappeared, permissions included.
 *
 * <p>The iteration counts of the child-JVM groups are modest in {@code mvn verify}; {@code -Dhostile.iterations=N}
 * sets those of {@code add} in KilledMidWriteTest and ConcurrentWritersTest, {@code -Dpaperlist.killIterations=N} that of {@code render}.
 *
 * <ol>
 *   <li>{@code OversizedFileTest}: files over the size limits; a file too large for the heap.</li>
 *   <li>{@code UnsafeYamlFeaturesTest}: anchors, aliases, merge keys, tags, several documents, empty files.</li>
 *   <li>{@code DeepNestingTest}: nesting 2,000 levels deep, in the catalogue and in an imported README.</li>
 *   <li>{@code DuplicateKeysAndPapersTest}: duplicate keys, the same paper twice in any spelling.</li>
 *   <li>{@code AmbiguousScalarsTest}: {@code 2402.12220}, {@code no}, {@code 012}, {@code .inf} kept as text; nulls refused.</li>
 *   <li>{@code BrokenEncodingTest}: tabs, an unterminated quote after an emoji, NUL, invalid UTF-8, UTF-16.</li>
 *   <li>{@code ByteOrderMarkAndCrlfTest}: a byte-order mark and CRLF, accepted and kept; a CRLF checkout is not stale.</li>
 *   <li>{@code InvisibleCharactersTest}: bidirectional, zero-width and control characters, lone surrogates.</li>
 *   <li>{@code MarkupInjectionTest}: Markdown and HTML in text cannot change the page.</li>
 *   <li>{@code UnsafeUrlTest}: links refused, or encoded to go exactly where they say.</li>
 *   <li>{@code ReadmeTamperingTest}: markers, hand edits, symbolic links, read-only files and folders, a full
 *       disk; also {@code dev.paperlist.io.AtomicWriterTest} (a disk filling up mid-write, leftovers).</li>
 *   <li>{@code KilledMidWriteTest}: {@code render} (200 times) and {@code add} killed with {@code kill -9}, each in a
 *       JVM of its own.</li>
 *   <li>{@code ConcurrentWritersTest}: two {@code add}s at the same time in two JVMs, and four in one; {@code render}
 *       and {@code add} together in two JVMs ({@code -Dpaperlist.raceRounds=N}, 200 for the long run).</li>
 *   <li>{@code ArxivNetworkFaultsTest}: the arXiv client's network faults through {@code add}.</li>
 *   <li>{@code RenderCheckPropertiesTest}: render deterministic and idempotent, check after render passes, any
 *       edit inside the block is caught.</li>
 *   <li>{@code LoaderAndImporterFuzzTest}: the loader and the importer fuzzed for a bounded time.</li>
 *   <li>{@code RenderTransactionTest}: a render of several files is all or nothing (read-only page or
 *       folder, a full disk half-way, {@code kill -9} between two renames); also
 *       {@code dev.paperlist.io.FileTransactionTest} (faults injected through the file-system seam).</li>
 *   <li>{@code NotRegularFilesTest}: FIFOs, {@code /dev/zero} and folders where files belong, links under the
 *       site's folder, outputs inside {@code .git}.</li>
 * </ol>
 */
package dev.paperlist.hostile;
