export default async function BlockedPage({ searchParams }: { searchParams: Promise<{ country?: string }> }) {
  const { country } = await searchParams;
  return (
    <div className="page narrow">
      <h1>Not available in your region</h1>
      <p data-testid="region-blocked">
        Futstar is not offered {country !== undefined && country !== "" ? `in your country (${country})` : "where you are"}.
      </p>
    </div>
  );
}
