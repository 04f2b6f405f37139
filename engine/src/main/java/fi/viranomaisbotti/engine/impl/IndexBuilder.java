package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.knowledge.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Writes the answers into an in-memory Lucene index of one segment and opens it. Stateless;
 * thread-safe.
 */
final class IndexBuilder {
  /** The untokenised field of an answer's related item ids, for filters. */
  static final String RELATED_ID = "rel";

  private static final FieldType INDEXED_TEXT = indexedText();

  private IndexBuilder() {}

  /**
   * The opened index, and the answer of each document by the index's document number, so that
   * a hit costs no stored-field read. Closing it closes the reader and frees the directory.
   */
  record Built(ByteBuffersDirectory directory, DirectoryReader reader, Answer[] byDoc) implements AutoCloseable {
    @Override
    public void close() {
      try {
        reader.close();
        directory.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Indexes the answers, with the names of their related items from {@code related}. */
  static Built build(Analyzer analyzer, Map<String, Answer> answers, RelatedItems related) {
    // Each file in one buffer: every term lookup clones its input, and a clone of a file kept in
    // many small buffers copies the whole buffer list (clone and slice were 16 % of the execution
    // samples of a query at 100,000 documents, JFR).
    ByteBuffersDirectory directory = new ByteBuffersDirectory(
        new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    // One segment: each query term is looked up once instead of once per segment, and top-k
    // skipping works over the whole index (docs/benchmarks.md: with the nine segments of the
    // default settings a query took p50 3.9 ms at 100,000 documents, with one segment and the
    // other changes there 1.0 ms). A large buffer, at most an eighth of the heap, flushes the
    // index once; the merge only runs if it did not fit.
    double bufferMb = Math.min(1024, Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20));
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setRAMBufferSizeMB(Math.max(16, bufferMb));
    DirectoryReader reader;
    try (IndexWriter w = new IndexWriter(directory, config)) {
      for (Answer a : answers.values()) {
        w.addDocument(document(a, related));
      }
      w.forceMerge(1);
      w.commit();
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Building the in-memory answer index failed", e);
    }
    return new Built(directory, reader, answersByDoc(reader, answers));
  }

  /**
   * Reads an index written by {@link #write} into memory (one buffer per file, as a built one).
   *
   * @throws IOException if the directory does not hold a readable index with a document for each
   *     answer and no other
   */
  static Built open(Path saved, Map<String, Answer> answers) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory(
        new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    DirectoryReader reader = null;
    try {
      try (Directory files = new NIOFSDirectory(saved, NoLockFactory.INSTANCE)) {
        for (String name : files.listAll()) {
          directory.copyFrom(files, name, name, IOContext.READONCE);
        }
      }
      reader = DirectoryReader.open(directory);
      Answer[] byDoc = answersByDoc(reader, answers);
      if (byDoc.length != answers.size() || java.util.Arrays.stream(byDoc).anyMatch(java.util.Objects::isNull)
          || java.util.Arrays.stream(byDoc).distinct().count() != answers.size()) {
        throw new IOException("The saved index in " + saved + " has " + byDoc.length + " documents, not one for each of the "
            + answers.size() + " answers");
      }
      return new Built(directory, reader, byDoc);
    } catch (IOException | RuntimeException e) {
      if (reader != null) {
        reader.close();
      }
      directory.close();
      throw e instanceof IOException io ? io : new IOException("The saved index in " + saved + " is unreadable: " + e, e);
    }
  }

  /** Writes the index's files into a directory (which must not hold another index). */
  static void write(Built built, Path target) throws IOException {
    try (Directory files = new NIOFSDirectory(target, NoLockFactory.INSTANCE)) {
      for (String name : built.directory().listAll()) {
        files.copyFrom(built.directory(), name, name, IOContext.READONCE);
      }
      files.sync(java.util.Arrays.asList(files.listAll()));
    }
  }

  private static Answer[] answersByDoc(DirectoryReader reader, Map<String, Answer> answers) {
    Answer[] out = new Answer[reader.maxDoc()];
    try {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < out.length; doc++) {
        out[doc] = answers.get(stored.document(doc).get("id"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the in-memory answer index failed", e);
    }
    return out;
  }

  private static FieldType indexedText() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static Document document(Answer a, RelatedItems related) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new TextField("title", a.name().fi(), Field.Store.NO));
    d.add(new TextField("questions", String.join("\n", a.questions()), Field.Store.NO));
    d.add(new TextField("keywords", String.join("\n", a.keywords()), Field.Store.NO));
    d.add(new Field("text", a.citizenText(), INDEXED_TEXT));
    d.add(new TextField("notes", a.officialNotes() == null ? "" : a.officialNotes(), Field.Store.NO));
    d.add(new TextField("related", String.join("\n", related.names(a)), Field.Store.NO));
    for (String r : a.related()) {
      d.add(new StringField(RELATED_ID, r, Field.Store.NO));
    }
    return d;
  }
}
