import { ResponsiblePlayFeature } from "@/features/responsible-play/responsible-play-feature";

export default function ResponsiblePlayPage() {
  return <ResponsiblePlayFeature />;
}
