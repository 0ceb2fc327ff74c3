import { LiquidityFeature } from "@/features/liquidity/liquidity-feature";

export default function LiquidityPage() {
  return <LiquidityFeature />;
}
