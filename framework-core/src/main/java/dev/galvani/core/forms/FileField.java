package dev.galvani.core.forms;

import dev.galvani.core.http.UploadedFile;
import java.util.List;
import java.util.Optional;

/**
 * An uploaded file from a {@code multipart/form-data} form, read from {@code request.files()}. The
 * file is deleted when the request ends: save it in the view ({@link UploadedFile#saveTo}).
 */
public final class FileField extends AbstractField<UploadedFile, FileField> {
  private final long maxSize;

  FileField(FieldOptions<UploadedFile> options, long maxSize) {
    super(options);
    this.maxSize = maxSize;
  }

  static FileField of(String name) {
    return new FileField(FieldOptions.named(name), Long.MAX_VALUE);
  }

  @Override
  FileField with(FieldOptions<UploadedFile> options) {
    return new FileField(options, maxSize);
  }

  /** At most this many bytes: "Ensure this file has at most 1024 bytes (it has 2048)." */
  public FileField maxSize(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxSize of '" + name() + "' must be >= 1");
    }
    return new FileField(options, bytes);
  }

  @Override
  public String widget() {
    return "file";
  }

  @Override
  Optional<UploadedFile> parse(Submitted submitted) {
    if (submitted.files().isEmpty()) {
      // a text value under the file's name: the form was not sent as multipart/form-data
      if (submitted.firstTrimmed().isPresent()) {
        throw new ValidationError(Messages.noFile());
      }
      return Optional.empty();
    }
    UploadedFile file = submitted.files().get(0);
    if (file.filename().isEmpty() && file.size() == 0) {
      return Optional.empty(); // what browsers send when no file was chosen
    }
    if (file.size() == 0) {
      throw new ValidationError(Messages.emptyFile());
    }
    return Optional.of(file);
  }

  @Override
  List<String> check(UploadedFile file) {
    return file.size() > maxSize ? List.of(Messages.fileTooLarge(maxSize, file.size())) : List.of();
  }

  @Override
  List<String> display(UploadedFile value) {
    return List.of(); // a browser never lets a page preset a file input
  }

  @Override
  boolean redisplays() {
    return false;
  }

  @Override
  boolean needsMultipart() {
    return true;
  }
}
