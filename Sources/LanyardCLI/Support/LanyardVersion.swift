/// The version `lanyard --version` prints.
public enum LanyardVersion {
    public static let current = "0.1.0"
}
