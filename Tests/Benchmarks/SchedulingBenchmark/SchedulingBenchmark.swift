@main
struct SchedulingBenchmark {
    static func main() throws {}
}
