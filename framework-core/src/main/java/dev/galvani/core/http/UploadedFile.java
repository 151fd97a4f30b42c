package dev.galvani.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * A file uploaded in a multipart form. Small files stay in memory; larger ones were streamed to a
 * temporary file, which is deleted when the request ends: {@link #saveTo} to keep it.
 */
public final class UploadedFile {
  private final String field;
  private final String filename;
  private final String contentType;
  private final MultiPart.Part part;

  UploadedFile(String field, MultiPart.Part part) {
    this.field = field;
    this.filename = safeFilename(part.getFileName());
    this.contentType =
        part.getHeaders().get("Content-Type") == null
            ? "application/octet-stream"
            : part.getHeaders().get("Content-Type");
    this.part = part;
  }

  /** The form field the file came in. */
  public String field() {
    return field;
  }

  /** The client's file name without any directory part; never trust it as a path on your disk. */
  public String filename() {
    return filename;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return part.getLength();
  }

  public InputStream open() {
    return Content.Source.asInputStream(part.createContentSource());
  }

  public byte[] bytes() {
    try (InputStream in = open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the upload to a path you choose. */
  public void saveTo(Path target) throws IOException {
    try (InputStream in = open()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String safeFilename(String name) {
    if (name == null) {
      return "";
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return base.replaceAll("[\\x00-\\x1f\\x7f]", "");
  }
}
