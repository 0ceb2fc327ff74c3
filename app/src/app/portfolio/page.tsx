import { PortfolioFeature } from "@/features/portfolio/portfolio-feature";

export default function PortfolioPage() {
  return <PortfolioFeature />;
}
