export function DashboardApp() {
  return (
    <main className="dashboard">
      <h1>提法 · 学习中心</h1>
    </main>
  );
}
