import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { renderReportHtml } from './render-report-html';
import { ReportHistoryProvider } from './report-history.provider';
import { ReportView, reportView } from './report-view';

/** The latest drift report of a model, for people: JSON, or an HTML page with offline charts. */
@Controller('models')
export class ReportsController {
  constructor(private readonly reports: ReportHistoryProvider) {}

  @Get(':name/reports/latest.html')
  @Header('content-type', 'text/html; charset=utf-8')
  latestHtml(@Param('name') name: string): Promise<string> {
    return renderReportHtml(this.view(name));
  }

  @Get(':name/reports/latest')
  latest(@Param('name') name: string): ReportView {
    return this.view(name);
  }

  private view(name: string): ReportView {
    const view = reportView(name, this.reports.history.history(name));
    if (!view) throw new NotFoundException({ error: `no drift report for model ${name} yet` });
    return view;
  }
}
