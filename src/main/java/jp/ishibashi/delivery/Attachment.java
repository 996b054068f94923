package jp.ishibashi.delivery;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;

/**
 * A file delivered with a delivery. Stored in the database, like signed agreements, so every node
 * serves it and a database back-up holds it; downloaded only by the order's parties, always as an
 * attachment and never rendered by the browser.
 *
 * <p>The entity holds the file's name, size and hash. Its content is written and read as a stream
 * by {@link Deliveries} over the transaction's own connection, never as one array in the heap: the
 * row is inserted with an empty content, which the same transaction then fills.
 */
@Entity
@Table(name = "delivery_attachment")
@Multitenant(MultitenantType.SINGLE_TABLE)
public class Attachment {

  @Id
  @SequenceGenerator(
      name = "delivery_attachment_seq",
      sequenceName = "delivery_attachment_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_attachment_seq")
  private Long id;

  @Column(name = "delivery_id", nullable = false)
  private long deliveryId;

  @Column(name = "work_order_id", nullable = false)
  private long workOrderId;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "byte_count", nullable = false)
  private long byteCount;

  @Column(nullable = false, length = 64)
  private String sha256;

  /** Empty as inserted; the file itself is streamed in by {@link Deliveries}. */
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected Attachment() {}

  Attachment(long deliveryId, long workOrderId, Upload upload, Instant uploadedAt) {
    this.deliveryId = deliveryId;
    this.workOrderId = workOrderId;
    this.fileName = upload.fileName();
    this.content = new byte[0];
    this.byteCount = upload.size();
    this.sha256 = upload.sha256();
    this.uploadedAt = uploadedAt;
  }

  public Long getId() {
    return id;
  }

  public long getDeliveryId() {
    return deliveryId;
  }

  public long getWorkOrderId() {
    return workOrderId;
  }

  public String getFileName() {
    return fileName;
  }

  public long getByteCount() {
    return byteCount;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
