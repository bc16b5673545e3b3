public enum NewsgraphCore {}
